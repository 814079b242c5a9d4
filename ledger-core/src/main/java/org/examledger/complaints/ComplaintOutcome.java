package org.examledger.complaints;

/** A supervisor's finding. */
public enum ComplaintOutcome {
  VERIFIED,
  DISMISSED
}
