package org.examledger.keys;

/**
 * What an actor may assert, fixed by the registered key they sign with. The key registry checks
 * {@link #STATION_ADMIN} for key statements; the complaint workflow checks the filing,
 * investigating and approving roles ({@link #SUPERVISOR} is the upper-level guidance centre).
 * Authorization of the HTTP caller is issue 9.
 */
public enum ActorRole {
  STATION_ADMIN,
  EXAMINER,
  PROCTOR,
  CLERK,
  SUPERVISOR
}
