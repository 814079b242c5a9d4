package org.examledger.exam;

/**
 * Life cycle of a result sheet: open for scores, submitted, locked after review, published; a
 * reopen returns it to OPEN.
 */
public enum SheetStatus {
  OPEN,
  SUBMITTED,
  LOCKED,
  PUBLISHED
}
