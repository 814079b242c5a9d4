package org.examledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.examledger.bytes.Bytes;

/** The fast log against the naive RFC 6962 reference, for random sizes up to a few thousand. */
class MerkleLogProperties {

  @Property(tries = 12, seed = "6962")
  void everyRootAndProofMatchesTheReference(
      @ForAll @IntRange(min = 1, max = 3000) int size,
      @ForAll @IntRange(min = 1, max = 3000) int otherSize,
      @ForAll @IntRange(min = 0, max = 1000) int salt) {
    int size2 = Math.min(size, otherSize);
    List<Hash> leaves = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      leaves.add(Rfc6962.leafHash(Bytes.utf8(salt + "/" + i)));
    }
    MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
    for (Hash leaf : leaves) {
      log.append(leaf);
    }
    ReferenceMerkleTree reference = new ReferenceMerkleTree(leaves);

    assertThat(log.root()).isEqualTo(reference.root(size));
    for (int n = 0; n <= size; n++) {
      assertThat(log.root(n)).as("root(%d)", n).isEqualTo(reference.root(n));
    }
    for (int n : new int[] {size, size2}) {
      Hash root = reference.root(n);
      for (int m = 0; m < n; m++) {
        InclusionProof proof = log.inclusionProof(m, n);
        assertThat(proof.path()).as("inclusion %d of %d", m, n).isEqualTo(reference.path(m, n));
        ProofVerifier.verifyInclusion(proof, leaves.get(m), root);
      }
      for (int m = 1; m <= n; m++) {
        ConsistencyProof proof = log.consistencyProof(m, n);
        assertThat(proof.path()).as("consistency %d to %d", m, n).isEqualTo(reference.proof(m, n));
        ProofVerifier.verifyConsistency(proof, reference.root(m), root);
      }
    }
  }

  @Property(tries = 30, seed = "9162")
  void resumingAtAnySizeGivesTheSameLog(
      @ForAll @IntRange(min = 0, max = 500) int cut,
      @ForAll @IntRange(min = 0, max = 500) int more) {
    InMemoryNodeStore store = new InMemoryNodeStore();
    MerkleLog first = MerkleLog.create(store);
    MerkleLog uninterrupted = MerkleLog.create(new InMemoryNodeStore());
    for (int i = 0; i < cut; i++) {
      first.append(ProofVerifierTest.leaf(i));
      uninterrupted.append(ProofVerifierTest.leaf(i));
    }
    MerkleLog resumed = MerkleLog.resume(store, cut);
    for (int i = cut; i < cut + more; i++) {
      resumed.append(ProofVerifierTest.leaf(i));
      uninterrupted.append(ProofVerifierTest.leaf(i));
    }
    assertThat(resumed.root()).isEqualTo(uninterrupted.root());
  }
}
