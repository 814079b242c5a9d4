package org.examledger.api.seal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.examledger.bytes.Bytes;
import org.examledger.ledger.LeafEncoding;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives every stored event one leaf of the Merkle log, numbered contiguously in delivery order.
 *
 * <p>It is the only handler of the single-segment tracking processor {@value #PROCESSING_GROUP}:
 * the token claim in {@code token_entry} makes one node the owner, and another node takes over when
 * the owner stops. Everything here runs in the processor's transaction, the one that also moves the
 * token, so a leaf exists exactly when the token has passed its event. The row lock on {@code
 * ledger_log_state} serialises a handover race, and the unique event identifier of {@code
 * ledger_leaf} makes a redelivered event a no-op.
 */
@ProcessingGroup(LedgerSequencer.PROCESSING_GROUP)
public class LedgerSequencer {

  public static final String PROCESSING_GROUP = "ledger-sequencer";

  private static final Logger log = LoggerFactory.getLogger(LedgerSequencer.class);

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

  @EventHandler
  void on(Object payload, @MessageIdentifier String eventIdentifier, TrackingToken token) {
    sequence(eventIdentifier, token == null ? OptionalLong.empty() : token.position(), true);
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
    State state =
        jdbc.queryForObject(
            "SELECT tree_size, root_hash FROM ledger_log_state WHERE id = 1 FOR UPDATE",
            (rs, n) -> new State(rs.getLong(1), Hash.of(Bytes.of(rs.getBytes(2)))));
    List<Long> existing =
        jdbc.queryForList(
            "SELECT leaf_index FROM ledger_leaf WHERE event_identifier = ?",
            Long.class,
            eventIdentifier);
    if (!existing.isEmpty()) {
      log.debug("event {} already has leaf {}: redelivery skipped", eventIdentifier, existing);
      return OptionalLong.empty();
    }
    StoredEvents.Row row =
        events
            .byEventIdentifier(eventIdentifier)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "event "
                            + eventIdentifier
                            + " was delivered but is not in the event table"));
    // A gap-aware token's position is the highest index seen: an event that commits into a hole
    // the processor still waits for arrives with a position past its own index. Only a position
    // before the stored index would mean the delivery and the table disagree.
    if (position.isPresent() && position.getAsLong() < row.globalIndex()) {
      throw new IllegalStateException(
          "event "
              + eventIdentifier
              + " was delivered at position "
              + position.getAsLong()
              + " but is stored at the later global index "
              + row.globalIndex());
    }
    Hash leafHash = LeafEncoding.leafHash(row.event());
    MerkleLog merkle = processorThread ? logAt(state) : resume(state);
    long leafIndex = merkle.append(leafHash);
    jdbc.update(
        "INSERT INTO ledger_leaf (leaf_index, global_index, event_identifier, leaf_hash,"
            + " sequenced_at) VALUES (?, ?, ?, ?, ?)",
        leafIndex,
        row.globalIndex(),
        eventIdentifier,
        leafHash.value().toByteArray(),
        Timestamp.from(clock.instant()));
    jdbc.update(
        "UPDATE ledger_log_state SET tree_size = ?, root_hash = ? WHERE id = 1",
        merkle.size(),
        merkle.root().value().toByteArray());
    log.debug(
        "event {} (global index {}) is leaf {}", eventIdentifier, row.globalIndex(), leafIndex);
    return OptionalLong.of(leafIndex);
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
