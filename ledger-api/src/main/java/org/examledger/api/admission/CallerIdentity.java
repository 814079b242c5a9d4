package org.examledger.api.admission;

/**
 * Who submits a request, as opposed to who signed the statement in it. The implementation decides
 * whether the current caller may submit this statement at all (e.g. one signed by someone else) and
 * names the caller for the event's provenance (docs/security.md).
 */
@FunctionalInterface
public interface CallerIdentity {

  /**
   * Authorizes the current caller to submit {@code statement}.
   *
   * @return the submitter recorded in the event's provenance
   * @throws AdmissionRefused (403) when the caller may not submit it
   */
  String submitterFor(AdmittedStatement statement);
}
