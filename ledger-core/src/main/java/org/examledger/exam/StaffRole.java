package org.examledger.exam;

/** What a person does in a session. A chief examiner also marks and adjudicates. */
public enum StaffRole {
  EXAMINER,
  CHIEF_EXAMINER,
  PROCTOR
}
