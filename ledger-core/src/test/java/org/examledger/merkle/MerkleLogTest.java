package org.examledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MerkleLogTest {

  /** Counts reads, to show that roots and proofs cost O(log n) store reads. */
  static final class CountingStore implements NodeStore {
    final InMemoryNodeStore delegate = new InMemoryNodeStore();
    int reads;
    int batches;

    @Override
    public Optional<Hash> get(int level, long index) {
      reads++;
      return delegate.get(level, index);
    }

    @Override
    public void put(int level, long index, Hash hash) {
      delegate.put(level, index, hash);
    }

    @Override
    public void putAll(List<Node> nodes) {
      batches++;
      delegate.putAll(nodes);
    }
  }

  private static List<Hash> leaves(int n) {
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leaves.add(ProofVerifierTest.leaf(i));
    }
    return leaves;
  }

  @Test
  void everyRootAndProof_upToSize64_matchReferenceAndVerify() {
    int max = 64;
    List<Hash> leaves = leaves(max);
    ReferenceMerkleTree reference = new ReferenceMerkleTree(leaves);
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    leaves.forEach(log::append);
    for (int n = 0; n <= max; n++) {
      assertThat(log.root(n)).as("root(%d)", n).isEqualTo(reference.root(n));
      for (int m = 0; m < n; m++) {
        InclusionProof p = log.inclusionProof(m, n);
        assertThat(p.path()).as("inclusion %d of %d", m, n).isEqualTo(reference.path(m, n));
        ProofVerifier.verifyInclusion(p, leaves.get(m), reference.root(n));
      }
      for (int m = 1; m <= n; m++) {
        ConsistencyProof p = log.consistencyProof(m, n);
        assertThat(p.path()).as("consistency %d to %d", m, n).isEqualTo(reference.proof(m, n));
        ProofVerifier.verifyConsistency(p, reference.root(m), reference.root(n));
      }
    }
  }

  @Test
  void append_returnsIndexAndWritesEveryCompletedSubtree() {
    CountingStore store = new CountingStore();
    MerkleLog log = MerkleLog.create(store);
    for (int i = 0; i < 8; i++) {
      assertThat(log.append(ProofVerifierTest.leaf(i))).isEqualTo(i);
    }
    // 8 leaves + 4 + 2 + 1 interior nodes, one batch per append.
    assertThat(store.delegate.size()).isEqualTo(15);
    assertThat(store.batches).isEqualTo(8);
    assertThat(store.reads).isZero();
  }

  @Test
  void appendAll_writesOneBatchAndEqualsSingleAppends() {
    CountingStore store = new CountingStore();
    MerkleLog batched = MerkleLog.create(store);
    assertThat(batched.appendAll(leaves(13))).isZero();
    assertThat(batched.appendAll(leaves(3))).isEqualTo(13);
    MerkleLog single = MerkleLog.create(new InMemoryNodeStore());
    leaves(13).forEach(single::append);
    leaves(3).forEach(single::append);
    assertThat(store.batches).isEqualTo(2);
    assertThat(batched.size()).isEqualTo(16);
    assertThat(batched.root()).isEqualTo(single.root());
  }

  @Test
  void proofs_inLargeLog_needLogarithmicStoreReads() {
    CountingStore store = new CountingStore();
    MerkleLog log = MerkleLog.create(store);
    int n = 5000;
    log.appendAll(leaves(n));
    // ceil(log2(5000)) = 13: a root reads one node per set bit, a proof at most two per level.
    store.reads = 0;
    log.root(4999);
    assertThat(store.reads).isEqualTo(Long.bitCount(4999));
    store.reads = 0;
    log.inclusionProof(1234, 4999);
    assertThat(store.reads).isLessThanOrEqualTo(2 * 13);
    store.reads = 0;
    log.consistencyProof(1234, 4999);
    assertThat(store.reads).isLessThanOrEqualTo(2 * 13 + 1);
  }

  @Test
  void resume_continuesWithTheSameRootsAsAnUninterruptedLog() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleLog first = MerkleLog.create(store);
    first.appendAll(leaves(11));
    MerkleLog resumed = MerkleLog.resume(store, 11);
    assertThat(resumed.size()).isEqualTo(11);
    assertThat(resumed.root()).isEqualTo(first.root());
    for (int i = 11; i < 40; i++) {
      resumed.append(ProofVerifierTest.leaf(i));
    }
    MerkleLog uninterrupted = MerkleLog.create(new InMemoryNodeStore());
    uninterrupted.appendAll(leaves(40));
    assertThat(resumed.root()).isEqualTo(uninterrupted.root());
    assertThat(resumed.root(11)).isEqualTo(first.root());
  }

  @Test
  void resume_missingNode_throws() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleLog.create(store).appendAll(leaves(3));
    // Size 5 = 4 + 1: the first border node, the perfect subtree of leaves 0..3, was never written.
    assertThatThrownBy(() -> MerkleLog.resume(store, 5))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("node store has no hash for node (level 2, index 0)");
  }

  @Test
  void put_conflictingHash_throws() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    Hash a = ProofVerifierTest.leaf(0);
    Hash b = ProofVerifierTest.leaf(1);
    store.put(0, 0, a);
    store.put(0, 0, a);
    assertThatThrownBy(() -> store.put(0, 0, b))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "node (level 0, index 0) already holds hash "
                + a.hex()
                + ", refusing to overwrite it with "
                + b.hex());
  }

  @Test
  void append_storeFailure_leavesLogUnchanged() {
    InMemoryNodeStore store = new InMemoryNodeStore();
    store.put(0, 2, ProofVerifierTest.leaf(99));
    MerkleLog log = MerkleLog.create(store);
    log.appendAll(leaves(2));
    Hash before = log.root();
    assertThatThrownBy(() -> log.append(ProofVerifierTest.leaf(2)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(log.size()).isEqualTo(2);
    assertThat(log.root()).isEqualTo(before);
  }

  @Test
  void inclusionProof_indexNotBelowSize_throws() {
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    log.appendAll(leaves(4));
    assertThatThrownBy(() -> log.inclusionProof(3, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("leaf index must be in [0, 3), found 3");
  }

  @Test
  void root_sizeBeyondLog_throws() {
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    log.appendAll(leaves(4));
    assertThatThrownBy(() -> log.root(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("tree size must be in [0, 4] (the log size), found 5");
  }

  @Test
  void consistencyProof_fromEmptyTree_throws() {
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    log.appendAll(leaves(4));
    assertThatThrownBy(() -> log.consistencyProof(0, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("no consistency proof from the empty tree: size1 is 0, size2 is 4");
  }

  @Test
  void consistencyProof_size1AboveSize2_throws() {
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    log.appendAll(leaves(4));
    assertThatThrownBy(() -> log.consistencyProof(4, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size1 must be in [0, 3], found 4");
  }
}
