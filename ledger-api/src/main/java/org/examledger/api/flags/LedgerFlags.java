package org.examledger.api.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.examledger.api.history.HistoryEntry;
import org.examledger.api.history.SignatureChecks;
import org.examledger.exam.Provenance;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.flags.EventFields;
import org.examledger.flags.Flag;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.LedgerEvent;
import org.examledger.flags.ReviewedFlag;
import org.examledger.flags.SignatureStatus;
import org.examledger.sheets.ResultSheetFold;
import org.examledger.sheets.ResultSheetView;

/**
 * Every flag of the ledger, computed by the flag engine from the events as stored. The events and
 * their signature statuses are kept in memory and extended as the ledger grows; each question is
 * evaluated afresh (the engine is a pure function of the events and the moment).
 */
public class LedgerFlags {

  private final EventStorageEngine events;
  private final SignatureChecks signatures;
  private final FlagEngine engine;

  private final List<LedgerEvent> seen = new ArrayList<>();
  private final List<ReviewedFlag.LedgerReviewEvent> reviews = new ArrayList<>();
  private final Map<String, Boolean> ids = new HashMap<>();
  private TrackingToken position;

  public LedgerFlags(EventStorageEngine events, SignatureChecks signatures, FlagEngine engine) {
    this.events = events;
    this.signatures = signatures;
    this.engine = engine;
  }

  /**
   * The flags as of a moment: the events received by then, windows (the countersignature's cure
   * window) judged at that moment. The service passes its clock's now for the current flags.
   */
  public synchronized List<ReviewedFlag> flags(Instant asOf) {
    catchUp();
    List<Flag> flags = seen.isEmpty() ? List.of() : engine.evaluate(List.copyOf(seen), asOf);
    List<ReviewedFlag.LedgerReviewEvent> reviewed =
        reviews.stream().filter(r -> !receivedAt(r.event()).isAfter(asOf)).toList();
    return ReviewedFlag.of(flags, reviewed);
  }

  /** The exam and complaint events a person made (as actor), in ledger order. */
  public synchronized List<LedgerEvent> eventsBy(String actorId) {
    catchUp();
    return seen.stream().filter(e -> actorId.equals(e.actorId())).toList();
  }

  /** Every result sheet as of now, folded from the same events. */
  public synchronized List<ResultSheetView> sheets() {
    catchUp();
    ResultSheetFold fold = new ResultSheetFold();
    for (LedgerEvent e : seen) {
      fold.apply(e.eventId(), e.payload());
    }
    return fold.sheets();
  }

  /** The sessions' scheduling events, for grouping sheets by occupation and year. */
  public synchronized List<SessionScheduledEvent> sessions() {
    catchUp();
    return seen.stream()
        .map(LedgerEvent::payload)
        .filter(SessionScheduledEvent.class::isInstance)
        .map(SessionScheduledEvent.class::cast)
        .toList();
  }

  /** Whether the ledger shows a flag with this identifier now. */
  public boolean exists(String flagId, Instant now) {
    return flags(now).stream().anyMatch(f -> f.flagId().equals(flagId));
  }

  /** The number of events the flags were computed from. */
  public synchronized int events() {
    return seen.size();
  }

  /**
   * Reads every event committed since the last call straight from the storage engine. (The event
   * store's shared tailing stream would answer "nothing available" until its producer thread has
   * fetched, so a read right after a write could miss the write.)
   */
  private void catchUp() {
    try (Stream<? extends TrackedEventMessage<?>> stream = events.readEvents(position, false)) {
      stream.forEachOrdered(
          m -> {
            position = m.trackingToken();
            add(m);
          });
    }
  }

  private void add(EventMessage<?> m) {
    Object payload = m.getPayload();
    String type = payload.getClass().getName();
    if (type.startsWith("org.examledger.reviews.")
        && ids.putIfAbsent(m.getIdentifier(), Boolean.TRUE) == null) {
      reviews.add(new ReviewedFlag.LedgerReviewEvent(m.getIdentifier(), payload));
      return;
    }
    if (!(type.startsWith("org.examledger.exam.") || type.startsWith("org.examledger.complaints."))
        || ids.putIfAbsent(m.getIdentifier(), Boolean.TRUE) != null) {
      return;
    }
    Provenance p = EventFields.provenance(payload);
    if (p == null) {
      return;
    }
    HistoryEntry.SignatureStatus checked = signatures.check(p);
    SignatureStatus status =
        switch (checked.status()) {
          case "VALID" -> SignatureStatus.VALID;
          case "UNSIGNED" -> SignatureStatus.UNSIGNED;
          default -> SignatureStatus.invalid(checked.reason());
        };
    seen.add(new LedgerEvent(m.getIdentifier(), payload, status));
  }

  private static Instant receivedAt(Object payload) {
    Provenance p = EventFields.provenance(payload);
    return p == null ? Instant.MIN : p.receivedAt();
  }
}
