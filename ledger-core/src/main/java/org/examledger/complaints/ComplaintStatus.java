package org.examledger.complaints;

/** Where a case stands. A decided case returns to UNDER_INVESTIGATION only by a reopening. */
public enum ComplaintStatus {
  RECEIVED,
  UNDER_INVESTIGATION,
  VERIFIED,
  DISMISSED
}
