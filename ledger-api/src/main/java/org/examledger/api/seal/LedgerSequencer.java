package org.examledger.api.seal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
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
      return;
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
    OptionalLong position = token == null ? OptionalLong.empty() : token.position();
    if (position.isPresent() && position.getAsLong() != row.globalIndex()) {
      throw new IllegalStateException(
          "event "
              + eventIdentifier
              + " was delivered at position "
              + position.getAsLong()
              + " but is stored at global index "
              + row.globalIndex());
    }
    Hash leafHash = LeafEncoding.leafHash(row.event());
    MerkleLog merkle = logAt(state);
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
  }

  private MerkleLog logAt(State state) {
    MerkleLog merkle = cached;
    if (merkle == null || merkle.size() != state.size() || !merkle.root().equals(state.root())) {
      merkle = MerkleLog.resume(nodes, state.size());
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
      log.info("sequencer resumed the Merkle log at size {}", state.size());
      cached = merkle;
    }
    return merkle;
  }
}
