package org.examledger.api.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InMemoryNodeStore;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.MerkleLog;
import org.examledger.merkle.Rfc6962;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Proofs and roots assembled from nodes read in one query (and from cached upper nodes) are the
 * ones {@link MerkleLog} assembles from a store read node by node.
 */
class ProofNodesTest {

  private static final int LEAVES = 300;

  private JdbcTemplate jdbc;
  private MerkleLog reference;

  @BeforeEach
  void fill() {
    jdbc =
        new JdbcTemplate(
            new SingleConnectionDataSource(
                "jdbc:h2:mem:proof-nodes-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
                "sa",
                "",
                true));
    jdbc.execute(
        "CREATE TABLE ledger_merkle_node (level INTEGER NOT NULL, node_index BIGINT NOT NULL,"
            + " hash VARBINARY(32) NOT NULL, PRIMARY KEY (level, node_index))");
    MerkleLog stored = MerkleLog.create(new JdbcNodeStore(jdbc));
    reference = MerkleLog.create(new InMemoryNodeStore());
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < LEAVES; i++) {
      leaves.add(Rfc6962.leafHash(Bytes.utf8("leaf " + i)));
    }
    // in uneven batches, as the sequencer appends
    for (int from = 0; from < LEAVES; from += 37) {
      List<Hash> batch = leaves.subList(from, Math.min(LEAVES, from + 37));
      stored.appendAll(batch);
      reference.appendAll(batch);
    }
  }

  @Test
  void inclusionProofs_fromOneQuery_equalNodeByNodeProofs() {
    for (ProofNodes nodes : List.of(new ProofNodes(jdbc, 0), new ProofNodes(jdbc, 10_000))) {
      for (long size : new long[] {1, 2, 3, 64, 65, 127, 128, 255, 256, 257, LEAVES}) {
        for (long leaf = 0; leaf < size; leaf++) {
          long index = leaf;
          InclusionProof proof = nodes.withLog(size, log -> log.inclusionProof(index, size));
          assertThat(proof)
              .as("leaf %d of %d", leaf, size)
              .isEqualTo(reference.inclusionProof(index, size));
        }
      }
    }
  }

  @Test
  void consistencyProofsAndRoots_fromOneQuery_equalNodeByNodeOnes() {
    ProofNodes nodes = new ProofNodes(jdbc, 10_000);
    for (long to = 1; to <= LEAVES; to += 7) {
      long size = to;
      Hash root = nodes.withLog(size, MerkleLog::root);
      assertThat(root).isEqualTo(reference.root(size));
      for (long from = 1; from <= to; from += 5) {
        long older = from;
        ConsistencyProof proof = nodes.withLog(size, log -> log.consistencyProof(older, size));
        assertThat(proof)
            .as("%d to %d", from, to)
            .isEqualTo(reference.consistencyProof(older, size));
      }
    }
  }

  @Test
  void cache_holdsOnlyUpperNodesAndStopsAtItsBound() {
    ProofNodes nodes = new ProofNodes(jdbc, 3);
    for (long leaf = 0; leaf < LEAVES; leaf++) {
      long index = leaf;
      nodes.withLog(LEAVES, log -> log.inclusionProof(index, LEAVES));
    }
    // level 6 and up below 300 leaves: nodes (6,0..3), (7,0), (7,1), (8,0): more than the bound
    assertThat(nodes.cached()).isEqualTo(3);
    assertThat(new ProofNodes(jdbc, 0).cached()).isZero();
  }

  @Test
  void inclusionProof_missingNode_failsLikeTheStoreItself() {
    assertThatThrownBy(
            () -> new ProofNodes(jdbc, 0).withLog(LEAVES + 1, log -> log.inclusionProof(0, 1)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node store has no hash for node (level 0, index 300)");
  }
}
