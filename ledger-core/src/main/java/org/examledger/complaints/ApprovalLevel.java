package org.examledger.complaints;

/** The two reinstatement approvals, in the order they must be given. */
public enum ApprovalLevel {
  STATION,
  UPPER_LEVEL
}
