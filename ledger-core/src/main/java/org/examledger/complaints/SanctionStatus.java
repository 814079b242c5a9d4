package org.examledger.complaints;

/**
 * A suspension's life: SUSPENDED from the decision until the period ends, then
 * AWAITING_REINSTATEMENT (still not assignable) until both approvals; RESCINDED when a reopened
 * complaint is dismissed.
 */
public enum SanctionStatus {
  SUSPENDED,
  AWAITING_REINSTATEMENT,
  REINSTATED,
  RESCINDED;

  /** Whether the person may not be assigned or sign as staff while the sanction is here. */
  public boolean bars() {
    return this == SUSPENDED || this == AWAITING_REINSTATEMENT;
  }
}
