package org.examledger.api.history;

import java.time.Instant;

/**
 * One event as history shows it.
 *
 * @param sequence the event's position in its session (aggregate sequence number)
 * @param type the event's name, e.g. ScoreCorrectedEvent
 * @param signature whether the actor's signature holds today, checked against the key registry
 * @param leafIndex the event's leaf in the Merkle log, or null while not yet sequenced
 * @param proof where its inclusion proof is served, or null while not yet sequenced
 * @param countersignedBy for an unsigned entry, the event that countersigned it, if any
 * @param event the event's fields as stored (provenance included)
 */
public record HistoryEntry(
    long sequence,
    String eventId,
    String type,
    Instant receivedAt,
    String actorId,
    String submitterId,
    SignatureStatus signature,
    Long leafIndex,
    String proof,
    String countersignedBy,
    Object event) {

  /**
   * @param status VALID, UNSIGNED or INVALID
   * @param keyId the signing key, when there is an envelope
   * @param reason why it is INVALID (or what UNSIGNED means)
   */
  public record SignatureStatus(String status, String keyId, String reason) {}
}
