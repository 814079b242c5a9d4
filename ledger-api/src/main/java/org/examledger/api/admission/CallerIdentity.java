package org.examledger.api.admission;

/**
 * Who submitted a request, as opposed to who signed the statement in it. Authentication is issue 9;
 * until then {@link #UNAUTHENTICATED} says honestly that nobody was authenticated. Replace this
 * bean to plug a real caller identity in.
 */
@FunctionalInterface
public interface CallerIdentity {

  String UNAUTHENTICATED = "unauthenticated";

  /** The authenticated caller of the current request. */
  String submitterId();
}
