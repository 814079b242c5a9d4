package org.examledger.flags;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.examledger.exam.IncidentRecordedEvent;
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

  /**
   * Fields of the exam events the rules rely on, wherever an event has them. The aggregate always
   * fills them, so a null one means foreign or damaged data, refused with its name rather than
   * failing inside a rule.
   */
  private static final Set<String> EXAM_REQUIRED =
      Set.of(
          "sessionId",
          "candidateId",
          "componentId",
          "score",
          "oldScore",
          "newScore",
          "computedTotal",
          "total",
          "passMark",
          "components",
          "rooms",
          "room",
          "incidentId",
          "personId",
          "role",
          "result",
          "countersignedEventId");

  /** An incident may concern the room rather than a candidate. */
  private static final Set<String> INCIDENT_REQUIRED =
      EXAM_REQUIRED.stream()
          .filter(name -> !name.equals("candidateId"))
          .collect(Collectors.toUnmodifiableSet());

  /** Fields of the complaint events the suspension intervals rely on. */
  private static final Set<String> COMPLAINT_REQUIRED =
      Set.of("complaintId", "personId", "suspendedFrom", "reinstatedAt", "rescindedAt");

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
    List<String> missing = EventFields.missing(payload, required(payload));
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException(
          "event "
              + eventId
              + " ("
              + payload.getClass().getSimpleName()
              + ") lacks "
              + String.join(", ", missing));
    }
    if (signature.valid() && !provenance.signed()) {
      throw new IllegalArgumentException(
          "event " + eventId + " is said to be validly signed but its provenance has no envelope");
    }
  }

  /** The event's provenance (actor, submitter, time received, envelope). */
  public Provenance provenance() {
    return EventFields.provenance(payload);
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

  private static Set<String> required(Object payload) {
    if (payload instanceof IncidentRecordedEvent) {
      return INCIDENT_REQUIRED;
    }
    if (payload.getClass().getPackageName().equals(COMPLAINTS)) {
      return COMPLAINT_REQUIRED;
    }
    return EXAM_REQUIRED;
  }

  private static final String COMPLAINTS = "org.examledger.complaints";
}
