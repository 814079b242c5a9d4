package org.examledger.api.seal;

import java.util.List;
import java.util.Optional;
import org.examledger.bytes.Bytes;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.LeafEncodingException;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.MerkleLog;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads the Merkle log for auditors: checkpoints, leaves, proofs from stored nodes, entries. */
public final class LogReader {

  /** One leaf as stored in {@code ledger_leaf}. */
  public record Leaf(long leafIndex, long globalIndex, String eventIdentifier, Hash leafHash) {}

  /**
   * A leaf with the leaf input recomputed from the event row it stands for.
   *
   * @param leafInput null when the row is missing or cannot be encoded
   * @param problem why there is no leaf input, or null
   */
  public record Entry(Leaf leaf, Bytes leafInput, String problem) {}

  private static final String CHECKPOINT_COLUMNS = "tree_size, root_hash, note, signed_at";
  private static final String LEAF_COLUMNS =
      "leaf_index, global_index, event_identifier, leaf_hash";

  /** Node hashes the auditors' reader keeps in memory: some 13 MB at most. */
  static final int CACHED_NODES = 65_536;

  private final JdbcTemplate jdbc;
  private final ProofNodes nodes;

  /** A reader that reads every node from the table (what the publisher checks before signing). */
  public LogReader(JdbcTemplate jdbc) {
    this(jdbc, 0);
  }

  /**
   * @param cachedNodes how many hashes of large stored subtrees to keep in memory for proofs (they
   *     never change); 0 reads every node from the table
   */
  LogReader(JdbcTemplate jdbc, int cachedNodes) {
    this.jdbc = jdbc;
    this.nodes = new ProofNodes(jdbc, cachedNodes);
  }

  /** The number of leaves the sequencer has committed. */
  public long treeSize() {
    return jdbc.queryForObject("SELECT tree_size FROM ledger_log_state WHERE id = 1", Long.class);
  }

  public Optional<StoredCheckpoint> latestCheckpoint() {
    return jdbc
        .query(
            "SELECT "
                + CHECKPOINT_COLUMNS
                + " FROM ledger_checkpoint WHERE tree_size ="
                + " (SELECT MAX(tree_size) FROM ledger_checkpoint)",
            (rs, n) -> checkpoint(rs))
        .stream()
        .findFirst();
  }

  public Optional<StoredCheckpoint> checkpoint(long treeSize) {
    return jdbc
        .query(
            "SELECT " + CHECKPOINT_COLUMNS + " FROM ledger_checkpoint WHERE tree_size = ?",
            (rs, n) -> checkpoint(rs),
            treeSize)
        .stream()
        .findFirst();
  }

  /** Every stored checkpoint, smallest first. */
  public List<StoredCheckpoint> checkpoints() {
    return jdbc.query(
        "SELECT " + CHECKPOINT_COLUMNS + " FROM ledger_checkpoint ORDER BY tree_size",
        (rs, n) -> checkpoint(rs));
  }

  /** The checkpoint's note followed by the stored witness cosignature lines, by witness name. */
  public String noteWithCosignatures(StoredCheckpoint checkpoint) {
    StringBuilder note = new StringBuilder(checkpoint.note());
    for (String line :
        jdbc.queryForList(
            "SELECT signature_line FROM ledger_cosignature WHERE tree_size = ?"
                + " ORDER BY witness_name",
            String.class,
            checkpoint.treeSize())) {
      note.append(line).append('\n');
    }
    return note.toString();
  }

  public Optional<Leaf> leafOfEvent(String eventIdentifier) {
    return jdbc
        .query(
            "SELECT " + LEAF_COLUMNS + " FROM ledger_leaf WHERE event_identifier = ?",
            (rs, n) -> leaf(rs),
            eventIdentifier)
        .stream()
        .findFirst();
  }

  public Optional<Leaf> leaf(long leafIndex) {
    return jdbc
        .query(
            "SELECT " + LEAF_COLUMNS + " FROM ledger_leaf WHERE leaf_index = ?",
            (rs, n) -> leaf(rs),
            leafIndex)
        .stream()
        .findFirst();
  }

  /** Leaves [start, end) with their leaf inputs, recomputed from the event rows. */
  public List<Entry> entries(long start, long end) {
    return jdbc.query(
        "SELECT l.leaf_index, l.global_index AS leaf_global_index, l.event_identifier AS"
            + " leaf_event_identifier, l.leaf_hash, "
            + StoredEvents.COLUMNS
            + " FROM ledger_leaf l LEFT JOIN domain_event_entry e"
            + " ON e.global_index = l.global_index"
            + " WHERE l.leaf_index >= ? AND l.leaf_index < ? ORDER BY l.leaf_index",
        (rs, n) -> entry(rs),
        start,
        end);
  }

  /**
   * The leaves of one aggregate's events (a session, or the key registry) from leaf index {@code
   * start} on, at most {@code limit}, in leaf order. Only leaves whose event row is still stored
   * can be found by aggregate; {@link #entries} lists every leaf.
   */
  public List<Entry> entriesOfAggregate(String aggregateId, long start, int limit) {
    return jdbc.query(
        "SELECT l.leaf_index, l.global_index AS leaf_global_index, l.event_identifier AS"
            + " leaf_event_identifier, l.leaf_hash, "
            + StoredEvents.COLUMNS
            + " FROM ledger_leaf l JOIN domain_event_entry e"
            + " ON e.global_index = l.global_index"
            + " WHERE e.aggregate_identifier = ? AND l.leaf_index >= ?"
            + " ORDER BY l.leaf_index LIMIT ?",
        (rs, n) -> entry(rs),
        aggregateId,
        start,
        limit);
  }

  private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
    Leaf leaf =
        new Leaf(
            rs.getLong("leaf_index"),
            rs.getLong("leaf_global_index"),
            rs.getString("leaf_event_identifier"),
            Hash.of(Bytes.of(rs.getBytes("leaf_hash"))));
    // An entry whose event row is gone or altered still lists its leaf, and says why it
    // has no input: an auditor's tool reports it instead of failing the whole page.
    if (rs.getString("event_identifier") == null) {
      return new Entry(leaf, null, "no event row with global index " + leaf.globalIndex());
    }
    try {
      return new Entry(leaf, LeafEncoding.leafInput(StoredEvents.row(rs).event()), null);
    } catch (LeafEncodingException e) {
      return new Entry(leaf, null, e.getMessage());
    }
  }

  /** PATH(leafIndex, D[treeSize]) from stored nodes; treeSize must not exceed the stored size. */
  public InclusionProof inclusionProof(long leafIndex, long treeSize) {
    return nodes.withLog(treeSize, log -> log.inclusionProof(leafIndex, treeSize));
  }

  /** PROOF(from, D[to]) from stored nodes; to must not exceed the stored size. */
  public ConsistencyProof consistencyProof(long from, long to) {
    return nodes.withLog(to, log -> log.consistencyProof(from, to));
  }

  /** MTH(D[treeSize]) from stored nodes. */
  public Hash root(long treeSize) {
    return nodes.withLog(treeSize, MerkleLog::root);
  }

  private static StoredCheckpoint checkpoint(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredCheckpoint(
        rs.getLong("tree_size"),
        Hash.of(Bytes.of(rs.getBytes("root_hash"))),
        rs.getString("note"),
        rs.getObject("signed_at", java.time.OffsetDateTime.class).toInstant());
  }

  private static Leaf leaf(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new Leaf(
        rs.getLong("leaf_index"),
        rs.getLong("global_index"),
        rs.getString("event_identifier"),
        Hash.of(Bytes.of(rs.getBytes("leaf_hash"))));
  }
}
