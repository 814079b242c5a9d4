package org.examledger.exam;

/** What an identity check found. */
public enum IdentityCheckResult {
  MATCH,
  MISMATCH,
  MISSING_DOCUMENT
}
