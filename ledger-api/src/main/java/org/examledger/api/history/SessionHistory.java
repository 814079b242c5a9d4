package org.examledger.api.history;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.examledger.exam.Provenance;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.flags.EventFields;
import org.examledger.sheets.ResultSheetFold;
import org.examledger.sheets.ResultSheetView;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reads a session's events from the event store (not from a projection) and answers the auditor's
 * questions: the history of a session or of one candidate's sheet, and a sheet as of a moment
 * ({@code receivedAt} at or before it) or as of a log size (events whose leaf index is below it).
 */
public class SessionHistory {

  private final EventStore events;
  private final JdbcClient jdbc;
  private final SignatureChecks signatures;

  public SessionHistory(EventStore events, JdbcClient jdbc, SignatureChecks signatures) {
    this.events = events;
    this.jdbc = jdbc;
    this.signatures = signatures;
  }

  /** Every event of the session, in order; empty when there is no such session. */
  public List<HistoryEntry> session(String sessionId) {
    List<DomainEventMessage<?>> stored = read(sessionId);
    Map<String, Long> leaves = leaves(stored);
    Map<String, String> countersigned = new HashMap<>();
    for (DomainEventMessage<?> m : stored) {
      if (m.getPayload() instanceof ScoreCountersignedEvent c) {
        countersigned.put(c.countersignedEventId(), m.getIdentifier());
      }
    }
    List<HistoryEntry> history = new ArrayList<>();
    for (DomainEventMessage<?> m : stored) {
      Provenance p = EventFields.provenance(m.getPayload());
      Long leaf = leaves.get(m.getIdentifier());
      history.add(
          new HistoryEntry(
              m.getSequenceNumber(),
              m.getIdentifier(),
              m.getPayloadType().getSimpleName(),
              p == null ? m.getTimestamp() : p.receivedAt(),
              p == null ? null : p.actorId(),
              p == null ? null : p.submitterId(),
              signatures.check(p),
              leaf,
              leaf == null ? null : "/api/v1/log/events/" + m.getIdentifier() + "/proof",
              countersigned.get(m.getIdentifier()),
              m.getPayload()));
    }
    return history;
  }

  /** The events of one candidate's sheet (those that name the candidate), in order. */
  public List<HistoryEntry> candidate(String sessionId, String candidateId) {
    return session(sessionId).stream()
        .filter(e -> candidateId.equals(EventFields.string(e.event(), "candidateId")))
        .toList();
  }

  /**
   * The sheet folded from the session's events up to a moment or a log size (exactly one of them
   * non-null).
   */
  public Optional<ResultSheetView> sheetAsOf(
      String sessionId, String candidateId, Instant asOf, Long treeSize) {
    List<DomainEventMessage<?>> stored = read(sessionId);
    Map<String, Long> leaves = treeSize == null ? Map.of() : leaves(stored);
    ResultSheetFold fold = new ResultSheetFold();
    for (DomainEventMessage<?> m : stored) {
      boolean included;
      if (treeSize != null) {
        Long leaf = leaves.get(m.getIdentifier());
        included = leaf != null && leaf < treeSize;
      } else {
        Provenance p = EventFields.provenance(m.getPayload());
        Instant t = p == null ? m.getTimestamp() : p.receivedAt();
        included = !t.isAfter(asOf);
      }
      if (included) {
        fold.apply(m.getIdentifier(), m.getPayload());
      }
    }
    return fold.sheet(sessionId, candidateId);
  }

  private List<DomainEventMessage<?>> read(String aggregateId) {
    List<DomainEventMessage<?>> out = new ArrayList<>();
    events.readEvents(aggregateId).asStream().forEach(out::add);
    return out;
  }

  private Map<String, Long> leaves(List<DomainEventMessage<?>> stored) {
    Map<String, Long> leaves = new HashMap<>();
    if (stored.isEmpty()) {
      return leaves;
    }
    String aggregateId = stored.get(0).getAggregateIdentifier();
    jdbc.sql(
            "SELECT l.event_identifier, l.leaf_index FROM ledger_leaf l JOIN domain_event_entry e"
                + " ON e.event_identifier = l.event_identifier WHERE e.aggregate_identifier = ?")
        .param(aggregateId)
        .query(
            (rs, n) -> {
              leaves.put(rs.getString(1), rs.getLong(2));
              return null;
            })
        .list();
    return leaves;
  }
}
