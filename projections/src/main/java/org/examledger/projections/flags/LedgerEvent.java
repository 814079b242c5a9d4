package org.examledger.projections.flags;

import java.time.Instant;
import java.util.Objects;
import org.examledger.exam.Provenance;

/**
 * One event of the ledger as the engine sees it: its identifier, the event record of {@code
 * ledger-core} ({@code org.examledger.exam.*} or {@code org.examledger.complaints.*}) and the
 * status of the signature of the statement behind it, which the caller has verified.
 *
 * @param eventId the event's identifier in the ledger (a countersignature names it)
 * @param payload the event record; it must carry a {@link Provenance} with {@code receivedAt}
 * @param signature what verifying the statement's envelope found
 */
public record LedgerEvent(String eventId, Object payload, SignatureStatus signature) {

  public LedgerEvent {
    if (eventId == null || eventId.isBlank()) {
      throw new IllegalArgumentException("a ledger event needs an event id");
    }
    Objects.requireNonNull(payload, () -> "event " + eventId + " has no payload");
    Objects.requireNonNull(signature, () -> "event " + eventId + " has no signature status");
    Provenance provenance = EventFields.provenance(payload);
    if (provenance == null) {
      throw new IllegalArgumentException(
          "event "
              + eventId
              + " ("
              + payload.getClass().getSimpleName()
              + ") has no provenance; expected an event record of ledger-core");
    }
    if (provenance.receivedAt() == null) {
      throw new IllegalArgumentException("event " + eventId + " has no provenance.receivedAt");
    }
    if (signature.valid() && !provenance.signed()) {
      throw new IllegalArgumentException(
          "event " + eventId + " is said to be validly signed but its provenance has no envelope");
    }
  }

  /** Who made the statement. */
  public String actorId() {
    return EventFields.provenance(payload).actorId();
  }

  /** When the ledger accepted it: the engine's only source of time. */
  public Instant receivedAt() {
    return EventFields.provenance(payload).receivedAt();
  }

  /** The event record's simple class name, e.g. {@code ScoreCorrectedEvent}. */
  public String type() {
    return payload.getClass().getSimpleName();
  }
}
