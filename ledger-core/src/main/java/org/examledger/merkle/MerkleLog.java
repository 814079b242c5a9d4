package org.examledger.merkle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * An append-only RFC 6962 Merkle log.
 *
 * <p>In memory it keeps only the compact range [0, size): the roots of the perfect subtrees on the
 * right border, one per set bit of {@code size}, so at most 63 hashes however large the log grows
 * (the model is transparency-dev/merkle's {@code compact.Range}). An append hashes at most
 * log2(size) + 1 nodes and hands every completed perfect subtree to the {@link NodeStore}. Roots of
 * past sizes and proofs are then assembled from stored perfect subtrees, each with O(log n) store
 * reads, following the recursive definitions of RFC 6962 section 2.1.
 *
 * <p>Not thread safe: one sequencer appends, and must make a batch of node writes durable together
 * with the new size (the store is only ever asked for nodes below a size it was told about).
 */
public final class MerkleLog {

  private final NodeStore store;
  private final Hash[] border = new Hash[Node.MAX_LEVEL + 1];
  private long size;

  private MerkleLog(NodeStore store) {
    this.store = Objects.requireNonNull(store, "store");
  }

  /** A new empty log writing into {@code store}. */
  public static MerkleLog create(NodeStore store) {
    return new MerkleLog(store);
  }

  /**
   * The log of {@code size} leaves whose nodes are in {@code store}, as after a restart. Reads the
   * popcount(size) border nodes.
   *
   * @throws IllegalStateException if the store lacks one of them
   */
  public static MerkleLog resume(NodeStore store, long size) {
    if (size < 0) {
      throw new IllegalArgumentException("log size must not be negative, found " + size);
    }
    MerkleLog log = new MerkleLog(store);
    long begin = 0;
    for (int level = Node.MAX_LEVEL; level >= 0; level--) {
      if ((size & (1L << level)) != 0) {
        log.border[level] = log.read(level, begin >>> level);
        begin += 1L << level;
      }
    }
    log.size = size;
    return log;
  }

  /** Number of leaves. */
  public long size() {
    return size;
  }

  /**
   * Appends a leaf and returns its index.
   *
   * @param leafHash the RFC 6962 leaf hash, see {@link Rfc6962#leafHash}
   */
  public long append(Hash leafHash) {
    return appendAll(List.of(leafHash));
  }

  /**
   * Appends leaves in order, writing all nodes they complete with one {@link NodeStore#putAll}.
   * Returns the index of the first one. If the store fails, the log is unchanged.
   */
  public long appendAll(List<Hash> leafHashes) {
    Hash[] newBorder = border.clone();
    long newSize = size;
    List<Node> completed = new ArrayList<>();
    for (Hash leafHash : leafHashes) {
      Objects.requireNonNull(leafHash, "leafHash");
      if (newSize == Long.MAX_VALUE) {
        throw new IllegalStateException("log is full at " + newSize + " leaves");
      }
      Hash hash = leafHash;
      long index = newSize;
      int level = 0;
      completed.add(new Node(0, index, hash));
      // Merging with the equal-sized subtree to the left is how the compact range absorbs a leaf.
      while ((newSize & (1L << level)) != 0) {
        hash = Rfc6962.nodeHash(newBorder[level], hash);
        newBorder[level] = null;
        level++;
        index >>>= 1;
        completed.add(new Node(level, index, hash));
      }
      newBorder[level] = hash;
      newSize++;
    }
    store.putAll(completed);
    long first = size;
    System.arraycopy(newBorder, 0, border, 0, border.length);
    size = newSize;
    return first;
  }

  /** The current root, computed from the compact range without store reads. */
  public Hash root() {
    Hash root = null;
    for (Hash h : border) {
      if (h != null) {
        root = root == null ? h : Rfc6962.nodeHash(h, root);
      }
    }
    return root == null ? Rfc6962.emptyRoot() : root;
  }

  /** The root of the tree made of the first {@code treeSize} leaves. */
  public Hash root(long treeSize) {
    checkSize("tree size", treeSize);
    return treeSize == 0 ? Rfc6962.emptyRoot() : subtreeRoot(0, treeSize);
  }

  /** PATH(index, D[treeSize]) of RFC 6962 section 2.1.1. */
  public InclusionProof inclusionProof(long index, long treeSize) {
    checkSize("tree size", treeSize);
    if (index < 0 || index >= treeSize) {
      throw new IllegalArgumentException(
          "leaf index must be in [0, " + treeSize + "), found " + index);
    }
    List<Hash> path = new ArrayList<>();
    long begin = 0;
    long end = treeSize;
    while (end - begin > 1) {
      long k = largestPowerOfTwoBelow(end - begin);
      if (index < begin + k) {
        path.add(subtreeRoot(begin + k, end));
        end = begin + k;
      } else {
        path.add(subtreeRoot(begin, begin + k));
        begin += k;
      }
    }
    Collections.reverse(path);
    return new InclusionProof(index, treeSize, path);
  }

  /**
   * PROOF(size1, D[size2]) of RFC 6962 section 2.1.2; empty when the sizes are equal.
   *
   * @throws IllegalArgumentException for size1 = 0 &lt; size2: every tree extends the empty one, so
   *     no proof exists (RFC 9162 section 2.1.4 defines proofs for 0 &lt; size1)
   */
  public ConsistencyProof consistencyProof(long size1, long size2) {
    checkSize("size2", size2);
    if (size1 < 0 || size1 > size2) {
      throw new IllegalArgumentException("size1 must be in [0, " + size2 + "], found " + size1);
    }
    if (size1 == size2) {
      return new ConsistencyProof(size1, size2, List.of());
    }
    if (size1 == 0) {
      throw new IllegalArgumentException(
          "no consistency proof from the empty tree: size1 is 0, size2 is " + size2);
    }
    // SUBPROOF(m, D[begin:end], b) of RFC 6962 section 2.1.2, unrolled; m is relative to begin.
    List<Hash> path = new ArrayList<>();
    long begin = 0;
    long end = size2;
    long m = size1;
    // SUBPROOF's b: true while the range starts at leaf 0, where the verifier's root1 covers it.
    boolean wholeIsKnownToVerifier = true;
    while (m != end - begin) {
      long k = largestPowerOfTwoBelow(end - begin);
      if (m <= k) {
        path.add(subtreeRoot(begin + k, end));
        end = begin + k;
      } else {
        path.add(subtreeRoot(begin, begin + k));
        m -= k;
        begin += k;
        wholeIsKnownToVerifier = false;
      }
    }
    if (!wholeIsKnownToVerifier) {
      path.add(subtreeRoot(begin, end));
    }
    Collections.reverse(path);
    return new ConsistencyProof(size1, size2, path);
  }

  /**
   * MTH(D[begin:end]) for a range that the RFC 6962 recursion produces: begin is a multiple of a
   * power of two not smaller than end - begin, so the range splits into the perfect subtrees of the
   * set bits of end - begin, largest first, each one stored node.
   */
  private Hash subtreeRoot(long begin, long end) {
    long width = end - begin;
    Hash[] parts = new Hash[Long.bitCount(width)];
    int count = 0;
    long position = begin;
    for (int level = Node.MAX_LEVEL; level >= 0; level--) {
      if ((width & (1L << level)) != 0) {
        parts[count++] = read(level, position >>> level);
        position += 1L << level;
      }
    }
    Hash root = parts[count - 1];
    for (int i = count - 2; i >= 0; i--) {
      root = Rfc6962.nodeHash(parts[i], root);
    }
    return root;
  }

  private Hash read(int level, long index) {
    return store
        .get(level, index)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "node store has no hash for node (level " + level + ", index " + index + ")"));
  }

  private void checkSize(String name, long treeSize) {
    if (treeSize < 0 || treeSize > size) {
      throw new IllegalArgumentException(
          name + " must be in [0, " + size + "] (the log size), found " + treeSize);
    }
  }

  /** The k of RFC 6962 section 2.1: the largest power of two smaller than n, for n &gt; 1. */
  static long largestPowerOfTwoBelow(long n) {
    return Long.highestOneBit(n - 1);
  }
}
