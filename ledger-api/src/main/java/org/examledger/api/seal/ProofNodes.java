package org.examledger.api.seal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.examledger.bytes.Bytes;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleLog;
import org.examledger.merkle.NodeStore;
import org.examledger.merkle.Rfc6962;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored nodes a proof or a past root is assembled from, read in one query instead of one per
 * node. Which nodes {@link MerkleLog} will read depends only on the sizes and indexes asked for,
 * not on the hashes, so a dry run over a store that answers every read with a placeholder lists
 * them exactly; the real run then works on the fetched rows.
 *
 * <p>Optionally the hashes of large subtrees (level {@value #MIN_CACHED_LEVEL} and up: every proof
 * of a large log shares its upper nodes) are kept in memory, up to a fixed number of entries so
 * that memory stays flat however large the log grows. A stored node is a completed perfect subtree
 * and never changes (the table is append-only, ADR 0015), so a cached hash is never stale. The
 * cache is for serving auditors; the checkpoint publisher, which checks the stored tree before
 * signing, reads without it.
 */
final class ProofNodes {

  /** Nodes below this level cover fewer than 64 leaves: rarely shared by two proofs. */
  static final int MIN_CACHED_LEVEL = 6;

  private record Address(int level, long index) {}

  private final JdbcTemplate jdbc;
  private final int maxCached;
  private final ConcurrentHashMap<Address, Hash> cache = new ConcurrentHashMap<>();

  /**
   * @param maxCached how many node hashes to keep in memory (about 200 bytes each); 0 for none
   */
  ProofNodes(JdbcTemplate jdbc, int maxCached) {
    this.jdbc = jdbc;
    this.maxCached = maxCached;
  }

  /**
   * Runs {@code work} on the log of {@code treeSize} leaves, its node reads served in one query.
   */
  <T> T withLog(long treeSize, Function<MerkleLog, T> work) {
    Recording reads = new Recording();
    work.apply(MerkleLog.resume(reads, treeSize));
    Map<Address, Hash> found = new HashMap<>();
    List<Address> missing = new ArrayList<>();
    for (Address a : reads.addresses) {
      Hash cached = cache.get(a);
      if (cached != null) {
        found.put(a, cached);
      } else {
        missing.add(a);
      }
    }
    if (!missing.isEmpty()) {
      fetch(missing, found);
    }
    return work.apply(MerkleLog.resume(new Fetched(found), treeSize));
  }

  /** How many node hashes are held in memory now. */
  int cached() {
    return cache.size();
  }

  private void fetch(List<Address> addresses, Map<Address, Hash> into) {
    StringBuilder sql =
        new StringBuilder("SELECT level, node_index, hash FROM ledger_merkle_node WHERE ");
    Object[] args = new Object[addresses.size() * 2];
    for (int i = 0; i < addresses.size(); i++) {
      sql.append(i == 0 ? "" : " OR ").append("(level = ? AND node_index = ?)");
      args[2 * i] = addresses.get(i).level();
      args[2 * i + 1] = addresses.get(i).index();
    }
    jdbc.query(
        sql.toString(),
        rs -> {
          Address a = new Address(rs.getInt(1), rs.getLong(2));
          Hash hash = Hash.of(Bytes.of(rs.getBytes(3)));
          into.put(a, hash);
          if (a.level() >= MIN_CACHED_LEVEL && cache.size() < maxCached) {
            cache.putIfAbsent(a, hash);
          }
        },
        args);
  }

  /** Answers every read with a placeholder and remembers what was read, in order. */
  private static final class Recording implements NodeStore {
    private static final Optional<Hash> PLACEHOLDER = Optional.of(Rfc6962.emptyRoot());
    final Set<Address> addresses = new LinkedHashSet<>();

    @Override
    public Optional<Hash> get(int level, long index) {
      addresses.add(new Address(level, index));
      return PLACEHOLDER;
    }

    @Override
    public void put(int level, long index, Hash hash) {
      throw new UnsupportedOperationException("proof reads never write nodes");
    }
  }

  /** The fetched rows; a node not stored reads as absent, as from the table itself. */
  private record Fetched(Map<Address, Hash> nodes) implements NodeStore {
    @Override
    public Optional<Hash> get(int level, long index) {
      return Optional.ofNullable(nodes.get(new Address(level, index)));
    }

    @Override
    public void put(int level, long index, Hash hash) {
      throw new UnsupportedOperationException("proof reads never write nodes");
    }
  }
}
