package org.examledger.complaints;

/**
 * What a piece of evidence points at: a ledger event (by its event id) or a document outside the
 * ledger (by the lowercase hex SHA-256 of its bytes; the document itself is not stored).
 */
public enum EvidenceKind {
  LEDGER_EVENT,
  DOCUMENT
}
