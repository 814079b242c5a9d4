package org.examledger.api.seal;

import java.util.List;
import java.util.Optional;
import org.examledger.bytes.Bytes;
import org.examledger.merkle.Hash;
import org.examledger.merkle.Node;
import org.examledger.merkle.NodeStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Merkle log's node hashes in {@code ledger_merkle_node}. Uses the Spring-managed data source,
 * so writes join the caller's transaction (the sequencer's, which also moves its token). The
 * primary key refuses any rewrite of a node, with the same hash or not; the sequencer never
 * rewrites one.
 */
final class JdbcNodeStore implements NodeStore {

  private final JdbcTemplate jdbc;

  JdbcNodeStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public Optional<Hash> get(int level, long index) {
    List<byte[]> rows =
        jdbc.query(
            "SELECT hash FROM ledger_merkle_node WHERE level = ? AND node_index = ?",
            (rs, n) -> rs.getBytes(1),
            level,
            index);
    return rows.stream().findFirst().map(b -> Hash.of(Bytes.of(b)));
  }

  @Override
  public void put(int level, long index, Hash hash) {
    putAll(List.of(new Node(level, index, hash)));
  }

  @Override
  public void putAll(List<Node> nodes) {
    jdbc.batchUpdate(
        "INSERT INTO ledger_merkle_node (level, node_index, hash) VALUES (?, ?, ?)",
        nodes,
        nodes.size(),
        (ps, node) -> {
          ps.setInt(1, node.level());
          ps.setLong(2, node.index());
          ps.setBytes(3, node.hash().value().toByteArray());
        });
  }
}
