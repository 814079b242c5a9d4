package org.examledger.exam;

import java.time.Instant;

/**
 * Who said it and how it reached the ledger, carried on every command and event.
 *
 * @param actorId the person whose statement this is (examiner, proctor, administrator)
 * @param submitterId the authenticated caller who submitted it (a clerk may submit for an examiner)
 * @param receivedAt when the ledger accepted the request, from the service's clock
 * @param envelope the actor's signed envelope exactly as received (DSSE JSON), or {@code null} for
 *     an unsigned entry
 */
public record Provenance(String actorId, String submitterId, Instant receivedAt, String envelope) {

  public boolean signed() {
    return envelope != null;
  }
}
