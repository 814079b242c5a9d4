package org.examledger.keys;

/**
 * What an actor may assert. Kept simple until authorization (issue 9): only {@link #STATION_ADMIN}
 * is checked, by the registry, for registering and revoking keys.
 */
public enum ActorRole {
  STATION_ADMIN,
  EXAMINER,
  PROCTOR,
  CLERK
}
