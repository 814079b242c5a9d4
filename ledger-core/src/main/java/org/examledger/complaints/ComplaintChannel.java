package org.examledger.complaints;

/**
 * How the complaint reached the ledger: a candidate complained to station staff, who record it, or
 * directly to the guidance centre, where a supervisor records it.
 */
public enum ComplaintChannel {
  THROUGH_STATION,
  DIRECT_TO_CENTRE
}
