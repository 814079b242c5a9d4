package org.examledger.merkle;

import java.util.List;
import java.util.Objects;

/**
 * Verifies RFC 6962 proofs with the algorithms of RFC 9162 section 2.1.3.2 (inclusion) and section
 * 2.1.4.2 (consistency). Sizes and proof lengths are checked first, so that a wrong size is
 * reported as such rather than as a root mismatch; the model is transparency-dev/merkle {@code
 * proof/verify.go}.
 */
public final class ProofVerifier {

  private ProofVerifier() {}

  /**
   * Checks that {@code leafHash} is the leaf at {@code proof.leafIndex()} of the tree of {@code
   * proof.treeSize()} leaves whose root is {@code root}.
   *
   * @throws MerkleProofException naming the violated rule, or both roots in hex
   */
  public static void verifyInclusion(InclusionProof proof, Hash leafHash, Hash root) {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(root, "root");
    long index = proof.leafIndex();
    long size = proof.treeSize();
    List<Hash> path = proof.path();
    if (index < 0) {
      throw new MerkleProofException("leaf index must not be negative, found " + index);
    }
    // RFC 9162 section 2.1.3.2 step 1.
    if (index >= size) {
      throw new MerkleProofException("leaf index " + index + " is not below tree size " + size);
    }
    int expectedLength = inclusionPathLength(index, size);
    if (path.size() != expectedLength) {
      throw new MerkleProofException(
          "inclusion proof for leaf "
              + index
              + " in a tree of size "
              + size
              + " must have "
              + expectedLength
              + " hashes, found "
              + path.size());
    }
    // Steps 2-4. Step 4a (sn reaching 0 too early) cannot happen after the length check above.
    long fn = index;
    long sn = size - 1;
    Hash r = leafHash;
    for (Hash p : path) {
      if ((fn & 1) == 1 || fn == sn) {
        r = Rfc6962.nodeHash(p, r);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        r = Rfc6962.nodeHash(r, p);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 5; sn is 0 here because the path has exactly the length computed above.
    if (!r.equals(root)) {
      throw new MerkleProofException(
          "inclusion proof for leaf "
              + index
              + " in a tree of size "
              + size
              + " does not lead to the expected root: expected "
              + root.hex()
              + ", computed "
              + r.hex());
    }
  }

  /**
   * Checks that the tree of {@code proof.size1()} leaves with root {@code root1} is a prefix of the
   * tree of {@code proof.size2()} leaves with root {@code root2}.
   *
   * @throws MerkleProofException naming the violated rule, or the mismatching roots in hex
   */
  public static void verifyConsistency(ConsistencyProof proof, Hash root1, Hash root2) {
    Objects.requireNonNull(root1, "root1");
    Objects.requireNonNull(root2, "root2");
    long size1 = proof.size1();
    long size2 = proof.size2();
    List<Hash> path = proof.path();
    if (size1 < 0 || size2 < 0) {
      throw new MerkleProofException(
          "tree sizes must not be negative, found size1 " + size1 + " and size2 " + size2);
    }
    if (size1 > size2) {
      throw new MerkleProofException(
          "size1 " + size1 + " is greater than size2 " + size2 + ": a log cannot shrink");
    }
    if (size1 == size2) {
      if (!path.isEmpty()) {
        throw new MerkleProofException(
            "consistency proof between equal sizes "
                + size1
                + " must be empty, found "
                + path.size()
                + " hashes");
      }
      if (!root1.equals(root2)) {
        throw new MerkleProofException(
            "trees of equal size "
                + size1
                + " must have equal roots: root1 "
                + root1.hex()
                + ", root2 "
                + root2.hex());
      }
      return;
    }
    // RFC 9162 section 2.1.4 defines proofs only for 0 < size1; an empty tree proves nothing.
    if (size1 == 0) {
      throw new MerkleProofException(
          "consistency proof from the empty tree is meaningless: size1 is 0, size2 is " + size2);
    }
    int expectedLength = consistencyPathLength(size1, size2);
    if (path.size() != expectedLength) {
      throw new MerkleProofException(
          "consistency proof from size "
              + size1
              + " to size "
              + size2
              + " must have "
              + expectedLength
              + " hashes, found "
              + path.size());
    }
    // RFC 9162 section 2.1.4.2 step 2: a power-of-two size1 is itself the first node of the path.
    boolean size1IsPowerOfTwo = (size1 & (size1 - 1)) == 0;
    int next = 0;
    Hash first = size1IsPowerOfTwo ? root1 : path.get(next++);
    // Steps 3-4.
    long fn = size1 - 1;
    long sn = size2 - 1;
    while ((fn & 1) == 1) {
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 5.
    Hash fr = first;
    Hash sr = first;
    // Step 6 (its step 6a, sn reaching 0 too early, is excluded by the length check).
    for (; next < path.size(); next++) {
      Hash c = path.get(next);
      if ((fn & 1) == 1 || fn == sn) {
        fr = Rfc6962.nodeHash(c, fr);
        sr = Rfc6962.nodeHash(c, sr);
        if ((fn & 1) == 0) {
          while ((fn & 1) == 0 && fn != 0) {
            fn >>>= 1;
            sn >>>= 1;
          }
        }
      } else {
        sr = Rfc6962.nodeHash(sr, c);
      }
      fn >>>= 1;
      sn >>>= 1;
    }
    // Step 7; sn is 0 here because the path has exactly the length computed above.
    if (!fr.equals(root1)) {
      throw new MerkleProofException(
          "consistency proof from size "
              + size1
              + " to size "
              + size2
              + " does not lead to root1: expected "
              + root1.hex()
              + ", computed "
              + fr.hex());
    }
    if (!sr.equals(root2)) {
      throw new MerkleProofException(
          "consistency proof from size "
              + size1
              + " to size "
              + size2
              + " does not lead to root2: expected "
              + root2.hex()
              + ", computed "
              + sr.hex());
    }
  }

  /**
   * Length of PATH(index, D[size]): the levels below the point where the paths to {@code index} and
   * to {@code size - 1} meet, plus one left sibling per set bit above it on the right border.
   */
  static int inclusionPathLength(long index, long size) {
    int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
    return inner + Long.bitCount(index >>> inner);
  }

  /**
   * Length of PROOF(size1, D[size2]) for 0 &lt; size1 &lt; size2: the inclusion path of leaf size1
   * - 1 above the level of size1's lowest set bit, plus the seed node unless size1 is a power of
   * two (then the verifier already has it as root1).
   */
  static int consistencyPathLength(long size1, long size2) {
    int inner = 64 - Long.numberOfLeadingZeros((size1 - 1) ^ (size2 - 1));
    int border = Long.bitCount((size1 - 1) >>> inner);
    int shift = Long.numberOfTrailingZeros(size1);
    int seed = (size1 & (size1 - 1)) == 0 ? 0 : 1;
    return seed + (inner - shift) + border;
  }
}
