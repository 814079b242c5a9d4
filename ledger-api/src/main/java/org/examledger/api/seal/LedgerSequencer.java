package org.examledger.api.seal;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.examledger.bytes.Bytes;
import org.examledger.ledger.LeafEncoding;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleLog;
import org.postgresql.PGStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every stored event one leaf of the Merkle log, numbered contiguously in delivery order.
 *
 * <p>It is the only handler of the single-segment tracking processor {@value #PROCESSING_GROUP}:
 * the token claim in {@code token_entry} makes one node the owner, and another node takes over when
 * the owner stops. Everything here runs in the processor's transaction, the one that also moves the
 * token, so a leaf exists exactly when the token has passed its event. The events of one processor
 * batch ({@code ledger.log.sequencer-batch-size}) are sequenced together when the batch commits.
 * The row lock on {@code ledger_log_state} serialises a handover race, and the unique event
 * identifier of {@code ledger_leaf} makes a redelivered event a no-op.
 */
@ProcessingGroup(LedgerSequencer.PROCESSING_GROUP)
public class LedgerSequencer {

  public static final String PROCESSING_GROUP = "ledger-sequencer";

  private static final Logger log = LoggerFactory.getLogger(LedgerSequencer.class);

  /** The processor batch's deliveries, a resource of its unit of work. */
  private static final String BATCH_RESOURCE = LedgerSequencer.class.getName() + ".batch";

  private final JdbcTemplate jdbc;
  private final StoredEvents events;
  private final JdbcNodeStore nodes;
  private final Clock clock;

  /**
   * The log as of the last append on this node; reused only while the stored size and root agree
   * with it (a rolled-back batch or another node's appends make it stale).
   */
  private volatile MerkleLog cached;

  LedgerSequencer(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.events = new StoredEvents(jdbc);
    this.nodes = new JdbcNodeStore(jdbc);
    this.clock = clock;
  }

  private record State(long size, Hash root) {}

  /** An event as the processor delivered it: its identifier and the token's position. */
  private record Delivery(String eventIdentifier, OptionalLong position) {}

  /**
   * Collects the event into the processor's batch; the whole batch is sequenced once, just before
   * the batch's transaction commits (with the token), so a batch of n events takes one lock of the
   * log state, two reads and three writes instead of n of each.
   */
  @EventHandler
  void on(Object payload, @MessageIdentifier String eventIdentifier, TrackingToken token) {
    Delivery delivery =
        new Delivery(eventIdentifier, token == null ? OptionalLong.empty() : token.position());
    if (!CurrentUnitOfWork.isStarted()) {
      sequenceAll(List.of(delivery), true);
      return;
    }
    UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
    List<Delivery> batch =
        unitOfWork.getOrComputeResource(
            BATCH_RESOURCE,
            key -> {
              List<Delivery> deliveries = new ArrayList<>();
              unitOfWork.onPrepareCommit(u -> sequenceAll(deliveries, true));
              return deliveries;
            });
    batch.add(delivery);
  }

  /**
   * Gives the event a leaf unless it has one; must run inside a transaction.
   *
   * @param position the tracking token's position, which must not be before the stored global index
   *     (it is past it for an event that filled a hole)
   * @param processorThread whether this is the processor's thread, the only one that may use the
   *     cached compact range (the sweep resumes its own: no Java lock may be held across the
   *     database lock the processor's batch keeps between events)
   * @return the new leaf's index, or empty if the event already had a leaf
   */
  OptionalLong sequence(String eventIdentifier, OptionalLong position, boolean processorThread) {
    Map<String, Long> leaves =
        sequenceAll(List.of(new Delivery(eventIdentifier, position)), processorThread);
    Long leaf = leaves.get(eventIdentifier);
    return leaf == null ? OptionalLong.empty() : OptionalLong.of(leaf);
  }

  /** Which of these events already have a leaf; runs in the caller's transaction. */
  Set<String> sequencedAmong(List<String> identifiers) {
    Set<String> sequenced = new HashSet<>();
    jdbc.query(
        plannedEachTime(
            "SELECT event_identifier FROM ledger_leaf WHERE event_identifier IN ("
                + placeholders(identifiers)
                + ")",
            identifiers),
        (RowCallbackHandler) rs -> sequenced.add(rs.getString(1)));
    return sequenced;
  }

  private static String placeholders(List<String> identifiers) {
    return String.join(",", Collections.nCopies(identifiers.size(), "?"));
  }

  /**
   * A look-up by a list of identifiers that PostgreSQL plans at each execution, for the table's
   * size at that moment (docs/operations.md, "PostgreSQL: plans"): the JDBC driver never makes it a
   * server-prepared statement, whose generic plan, made while the log was small, would scan the
   * whole table for every batch of a large log where no {@code ANALYZE} has run since.
   */
  private static PreparedStatementCreator plannedEachTime(String sql, List<String> values) {
    return connection -> {
      PreparedStatement statement = connection.prepareStatement(sql);
      if (statement.isWrapperFor(PGStatement.class)) {
        statement.unwrap(PGStatement.class).setPrepareThreshold(0);
      }
      for (int i = 0; i < values.size(); i++) {
        statement.setString(i + 1, values.get(i));
      }
      return statement;
    };
  }

  /**
   * Gives each delivered event without a leaf the next leaf, in delivery order; must run inside a
   * transaction. The leaves, their indexes and the roots are exactly those of sequencing the events
   * one by one in the same order.
   *
   * @return the new leaves' indexes by event identifier (events that already had one are absent)
   */
  private Map<String, Long> sequenceAll(List<Delivery> deliveries, boolean processorThread) {
    if (deliveries.isEmpty()) {
      return Map.of();
    }
    State state =
        jdbc.queryForObject(
            "SELECT tree_size, root_hash FROM ledger_log_state WHERE id = 1 FOR UPDATE",
            (rs, n) -> new State(rs.getLong(1), Hash.of(Bytes.of(rs.getBytes(2)))));
    List<String> identifiers =
        deliveries.stream().map(Delivery::eventIdentifier).distinct().toList();
    Set<String> sequenced = sequencedAmong(identifiers);
    Map<String, StoredEvents.Row> rows = new HashMap<>();
    jdbc.query(
        plannedEachTime(
            "SELECT "
                + StoredEvents.COLUMNS
                + " FROM domain_event_entry e WHERE e.event_identifier IN ("
                + placeholders(identifiers)
                + ")",
            identifiers),
        (RowCallbackHandler)
            rs -> {
              StoredEvents.Row row = StoredEvents.row(rs);
              rows.put(row.event().eventIdentifier(), row);
            });
    List<StoredEvents.Row> toSequence = new ArrayList<>();
    List<Hash> leafHashes = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      String eventIdentifier = delivery.eventIdentifier();
      if (!sequenced.add(eventIdentifier)) {
        log.debug("event {} already has a leaf: redelivery skipped", eventIdentifier);
        continue;
      }
      StoredEvents.Row row = rows.get(eventIdentifier);
      if (row == null) {
        throw new IllegalStateException(
            "event " + eventIdentifier + " was delivered but is not in the event table");
      }
      // A gap-aware token's position is the highest index seen: an event that commits into a hole
      // the processor still waits for arrives with a position past its own index. Only a position
      // before the stored index would mean the delivery and the table disagree.
      OptionalLong position = delivery.position();
      if (position.isPresent() && position.getAsLong() < row.globalIndex()) {
        throw new IllegalStateException(
            "event "
                + eventIdentifier
                + " was delivered at position "
                + position.getAsLong()
                + " but is stored at the later global index "
                + row.globalIndex());
      }
      toSequence.add(row);
      leafHashes.add(LeafEncoding.leafHash(row.event()));
    }
    if (toSequence.isEmpty()) {
      return Map.of();
    }
    MerkleLog merkle = processorThread ? logAt(state) : resume(state);
    long first = merkle.appendAll(leafHashes);
    Timestamp now = Timestamp.from(clock.instant());
    Map<String, Long> leaves = new LinkedHashMap<>();
    List<Object[]> inserts = new ArrayList<>();
    for (int i = 0; i < toSequence.size(); i++) {
      StoredEvents.Row row = toSequence.get(i);
      long leafIndex = first + i;
      leaves.put(row.event().eventIdentifier(), leafIndex);
      inserts.add(
          new Object[] {
            leafIndex,
            row.globalIndex(),
            row.event().eventIdentifier(),
            leafHashes.get(i).value().toByteArray(),
            now
          });
      log.debug(
          "event {} (global index {}) is leaf {}",
          row.event().eventIdentifier(),
          row.globalIndex(),
          leafIndex);
    }
    jdbc.batchUpdate(
        "INSERT INTO ledger_leaf (leaf_index, global_index, event_identifier, leaf_hash,"
            + " sequenced_at) VALUES (?, ?, ?, ?, ?)",
        inserts);
    jdbc.update(
        "UPDATE ledger_log_state SET tree_size = ?, root_hash = ? WHERE id = 1",
        merkle.size(),
        merkle.root().value().toByteArray());
    return leaves;
  }

  /**
   * Sequences committed events that the tracking processor passed over: those without a leaf whose
   * global index is below the highest one already sequenced. Axon gives up on a hole in the global
   * index after its gap timeout (AxonFramework issue #4829) and never delivers an event committed
   * into it later; without this sweep such an event would have no leaf. An event still on its way
   * through the processor is sequenced here or there, whichever locks the log state first; the
   * other finds the leaf and skips it.
   *
   * @return how many events the sweep sequenced
   */
  int sequenceMissed(TransactionTemplate transactions) {
    Long highest = jdbc.queryForObject("SELECT MAX(global_index) FROM ledger_leaf", Long.class);
    if (highest == null) {
      return 0;
    }
    List<Map<String, Object>> missed =
        jdbc.queryForList(
            "SELECT e.event_identifier, e.global_index FROM domain_event_entry e"
                + " WHERE e.global_index < ? AND NOT EXISTS"
                + " (SELECT 1 FROM ledger_leaf l WHERE l.event_identifier = e.event_identifier)"
                + " ORDER BY e.global_index",
            highest);
    int sequenced = 0;
    for (Map<String, Object> event : missed) {
      String eventIdentifier = (String) event.get("event_identifier");
      long globalIndex = ((Number) event.get("global_index")).longValue();
      OptionalLong leaf =
          transactions.execute(t -> sequence(eventIdentifier, OptionalLong.of(globalIndex), false));
      if (leaf != null && leaf.isPresent()) {
        sequenced++;
        log.warn(
            "event {} (global index {}) was committed behind the sequencer, into a hole of the"
                + " global index, and not delivered to it; the catch-up sweep made it leaf {}",
            eventIdentifier,
            globalIndex,
            leaf.getAsLong());
      }
    }
    return sequenced;
  }

  private MerkleLog logAt(State state) {
    MerkleLog merkle = cached;
    if (merkle == null || merkle.size() != state.size() || !merkle.root().equals(state.root())) {
      merkle = resume(state);
      log.info("sequencer resumed the Merkle log at size {}", state.size());
      cached = merkle;
    }
    return merkle;
  }

  private MerkleLog resume(State state) {
    MerkleLog merkle = MerkleLog.resume(nodes, state.size());
    if (!merkle.root().equals(state.root())) {
      throw new IllegalStateException(
          "stored Merkle nodes give root "
              + merkle.root().hex()
              + " for size "
              + state.size()
              + " but ledger_log_state records "
              + state.root().hex()
              + ": refusing to append to a log whose nodes changed");
    }
    return merkle;
  }
}
