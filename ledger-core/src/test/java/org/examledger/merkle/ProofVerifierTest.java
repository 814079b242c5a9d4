package org.examledger.merkle;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One test per rule a proof can break, each asserting the exact message. */
class ProofVerifierTest {

  private MerkleLog log;

  @BeforeEach
  void buildTreeOfEight() {
    log = MerkleLog.create(new InMemoryNodeStore());
    for (int i = 0; i < 8; i++) {
      log.append(leaf(i));
    }
  }

  static Hash leaf(int i) {
    return Rfc6962.leafHash(Bytes.utf8("entry " + i));
  }

  private static Hash flipBit(Hash h, int byteIndex, int bit) {
    byte[] b = h.value().toByteArray();
    b[byteIndex] ^= (byte) (1 << bit);
    return Hash.of(Bytes.of(b));
  }

  private static String computedRootPattern(String prefix, Hash expected) {
    return java.util.regex.Pattern.quote(prefix + "expected " + expected.hex() + ", computed ")
        + "(?!"
        + expected.hex()
        + ")[0-9a-f]{64}";
  }

  @Test
  void verifyInclusion_validProof_passes() {
    InclusionProof proof = log.inclusionProof(5, 8);
    assertThatCode(() -> ProofVerifier.verifyInclusion(proof, leaf(5), log.root(8)))
        .doesNotThrowAnyException();
  }

  @Test
  void verifyInclusion_flippedBit_throws() {
    InclusionProof proof = log.inclusionProof(5, 8);
    List<Hash> path = new ArrayList<>(proof.path());
    path.set(1, flipBit(path.get(1), 0, 3));
    InclusionProof tampered = new InclusionProof(5, 8, path);
    Hash root = log.root(8);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(tampered, leaf(5), root))
        .isInstanceOf(MerkleProofException.class)
        .hasMessageMatching(
            computedRootPattern(
                "inclusion proof for leaf 5 in a tree of size 8 does not lead to the expected root: ",
                root));
  }

  @Test
  void verifyInclusion_flippedBitInLeaf_throws() {
    Hash root = log.root(8);
    InclusionProof proof = log.inclusionProof(0, 8);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(proof, flipBit(leaf(0), 31, 0), root))
        .isInstanceOf(MerkleProofException.class)
        .hasMessageMatching(
            computedRootPattern(
                "inclusion proof for leaf 0 in a tree of size 8 does not lead to the expected root: ",
                root));
  }

  @Test
  void verifyInclusion_truncatedProof_throws() {
    InclusionProof proof = log.inclusionProof(5, 8);
    InclusionProof truncated = new InclusionProof(5, 8, proof.path().subList(0, 2));
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(truncated, leaf(5), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("inclusion proof for leaf 5 in a tree of size 8 must have 3 hashes, found 2");
  }

  @Test
  void verifyInclusion_extendedProof_throws() {
    InclusionProof proof = log.inclusionProof(5, 8);
    List<Hash> path = new ArrayList<>(proof.path());
    path.add(log.root(8));
    InclusionProof extended = new InclusionProof(5, 8, path);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(extended, leaf(5), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("inclusion proof for leaf 5 in a tree of size 8 must have 3 hashes, found 4");
  }

  @Test
  void verifyInclusion_wrongSize_throws() {
    InclusionProof proof = log.inclusionProof(5, 7);
    InclusionProof claimsSizeSix = new InclusionProof(5, 6, proof.path());
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(claimsSizeSix, leaf(5), log.root(7)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("inclusion proof for leaf 5 in a tree of size 6 must have 2 hashes, found 3");
  }

  @Test
  void verifyInclusion_indexNotBelowSize_throws() {
    InclusionProof proof = new InclusionProof(8, 8, log.inclusionProof(7, 8).path());
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(proof, leaf(7), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("leaf index 8 is not below tree size 8");
  }

  @Test
  void verifyInclusion_negativeIndex_throws() {
    InclusionProof proof = new InclusionProof(-1, 8, List.of());
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(proof, leaf(0), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("leaf index must not be negative, found -1");
  }

  @Test
  void verifyInclusion_wrongLeafIndexSameLength_throws() {
    InclusionProof proof = log.inclusionProof(5, 8);
    InclusionProof otherIndex = new InclusionProof(4, 8, proof.path());
    Hash root = log.root(8);
    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(otherIndex, leaf(5), root))
        .isInstanceOf(MerkleProofException.class)
        .hasMessageMatching(
            computedRootPattern(
                "inclusion proof for leaf 4 in a tree of size 8 does not lead to the expected root: ",
                root));
  }

  @Test
  void verifyConsistency_validProof_passes() {
    ConsistencyProof proof = log.consistencyProof(3, 8);
    assertThatCode(() -> ProofVerifier.verifyConsistency(proof, log.root(3), log.root(8)))
        .doesNotThrowAnyException();
  }

  @Test
  void verifyConsistency_swappedRoots_throws() {
    ConsistencyProof proof = log.consistencyProof(4, 8);
    Hash root1 = log.root(4);
    Hash root2 = log.root(8);
    // size1 = 4 is a power of two, so root1 seeds the computation and the root2 check fails.
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, root2, root1))
        .isInstanceOf(MerkleProofException.class)
        .hasMessageMatching(
            computedRootPattern(
                "consistency proof from size 4 to size 8 does not lead to root2: ", root1));
  }

  @Test
  void verifyConsistency_swappedRootsSizeNotPowerOfTwo_throws() {
    ConsistencyProof proof = log.consistencyProof(6, 8);
    Hash root1 = log.root(6);
    Hash root2 = log.root(8);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, root2, root1))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage(
            "consistency proof from size 6 to size 8 does not lead to root1: expected "
                + root2.hex()
                + ", computed "
                + root1.hex());
  }

  @Test
  void verifyConsistency_flippedBit_throws() {
    ConsistencyProof proof = log.consistencyProof(6, 8);
    List<Hash> path = new ArrayList<>(proof.path());
    path.set(0, flipBit(path.get(0), 0, 4));
    ConsistencyProof tampered = new ConsistencyProof(6, 8, path);
    Hash root1 = log.root(6);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(tampered, root1, log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessageMatching(
            computedRootPattern(
                "consistency proof from size 6 to size 8 does not lead to root1: ", root1));
  }

  @Test
  void verifyConsistency_truncatedProof_throws() {
    ConsistencyProof proof = log.consistencyProof(6, 8);
    ConsistencyProof truncated = new ConsistencyProof(6, 8, proof.path().subList(0, 2));
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(truncated, log.root(6), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("consistency proof from size 6 to size 8 must have 3 hashes, found 2");
  }

  @Test
  void verifyConsistency_extendedProof_throws() {
    ConsistencyProof proof = log.consistencyProof(6, 8);
    List<Hash> path = new ArrayList<>(proof.path());
    path.add(log.root(6));
    ConsistencyProof extended = new ConsistencyProof(6, 8, path);
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(extended, log.root(6), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("consistency proof from size 6 to size 8 must have 3 hashes, found 4");
  }

  @Test
  void verifyConsistency_wrongSize_throws() {
    ConsistencyProof proof = log.consistencyProof(6, 8);
    ConsistencyProof claimsSizeFive = new ConsistencyProof(5, 8, proof.path());
    assertThatThrownBy(
            () -> ProofVerifier.verifyConsistency(claimsSizeFive, log.root(6), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("consistency proof from size 5 to size 8 must have 4 hashes, found 3");
  }

  @Test
  void verifyConsistency_size1GreaterThanSize2_throws() {
    ConsistencyProof proof = new ConsistencyProof(8, 6, List.of());
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, log.root(8), log.root(6)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("size1 8 is greater than size2 6: a log cannot shrink");
  }

  @Test
  void verifyConsistency_size1Zero_throws() {
    ConsistencyProof proof = new ConsistencyProof(0, 8, List.of());
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, log.root(0), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("consistency proof from the empty tree is meaningless: size1 is 0, size2 is 8");
  }

  @Test
  void verifyConsistency_negativeSize_throws() {
    ConsistencyProof proof = new ConsistencyProof(-1, 8, List.of());
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, log.root(0), log.root(8)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("tree sizes must not be negative, found size1 -1 and size2 8");
  }

  @Test
  void verifyConsistency_equalSizesEqualRootsEmptyProof_passes() {
    ConsistencyProof proof = log.consistencyProof(1, 1);
    assertThatCode(() -> ProofVerifier.verifyConsistency(proof, log.root(1), log.root(1)))
        .doesNotThrowAnyException();
  }

  @Test
  void verifyConsistency_equalSizesNonEmptyProof_throws() {
    ConsistencyProof proof = new ConsistencyProof(5, 5, List.of(log.root(5)));
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, log.root(5), log.root(5)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage("consistency proof between equal sizes 5 must be empty, found 1 hashes");
  }

  @Test
  void verifyConsistency_equalSizesDifferentRoots_throws() {
    ConsistencyProof proof = new ConsistencyProof(5, 5, List.of());
    assertThatThrownBy(() -> ProofVerifier.verifyConsistency(proof, log.root(5), log.root(6)))
        .isInstanceOf(MerkleProofException.class)
        .hasMessage(
            "trees of equal size 5 must have equal roots: root1 "
                + log.root(5).hex()
                + ", root2 "
                + log.root(6).hex());
  }
}
