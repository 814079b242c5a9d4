package org.examledger.complaints;

import org.examledger.keys.ActorRole;

/** The capacity in which the person complained about acted. */
public enum RespondentRole {
  EXAMINER(ActorRole.EXAMINER),
  PROCTOR(ActorRole.PROCTOR);

  private final ActorRole keyRole;

  RespondentRole(ActorRole keyRole) {
    this.keyRole = keyRole;
  }

  /** The role of the registered key a respondent in this capacity holds. */
  public ActorRole keyRole() {
    return keyRole;
  }
}
