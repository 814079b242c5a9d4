package org.examledger.api.security;

/**
 * What a signed-in person may do through the API (docs/security.md has the whole matrix). These are
 * access roles; the ledger's own rules still check the role of the key that signed each statement.
 */
public enum AccountRole {
  /** Scores, corrections and countersignatures, in sessions the person is assigned to. */
  EXAMINER,
  /** Identity checks, proctor checklists and incidents, in sessions the person is assigned to. */
  PROCTOR,
  /** Sessions, assignments, keys, result sheets; the projections' administration. */
  STATION_ADMIN,
  /** Reads everything, writes nothing. */
  AUDITOR,
  /** Complaints and flag reviews; reads everything. */
  SUPERVISOR,
  /** Submits cosignatures of checkpoints; reads the log's checkpoints and proofs. */
  WITNESS,
  /** Transcribes paper: may submit statements signed by someone else, of the allowed types. */
  CLERK;

  /** The Spring Security authority of this role. */
  public String authority() {
    return "ROLE_" + name();
  }
}
