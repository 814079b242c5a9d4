package org.examledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The naive RFC 6962 definitions (section 2.1 MTH, 2.1.1 PATH, 2.1.2 PROOF/SUBPROOF) written as
 * literally as possible over the list of all leaf hashes, for the real {@link MerkleLog} to be
 * checked against. D[a:b] is the sub-list of leaves a..b-1. MTH results are memoized so that
 * property tests can ask for every proof of trees of a few thousand leaves; the recursion itself is
 * the RFC's. Shares nothing with the code under test but {@link Rfc6962#nodeHash}.
 */
final class ReferenceMerkleTree {

  private final List<Hash> leaves;
  private final Map<Long, Hash> mthCache = new HashMap<>();

  ReferenceMerkleTree(List<Hash> leaves) {
    this.leaves = List.copyOf(leaves);
  }

  /** MTH(D[0:n]). */
  Hash root(int n) {
    return mth(0, n);
  }

  /** PATH(m, D[0:n]). */
  List<Hash> path(int m, int n) {
    return path(m, 0, n);
  }

  /** PROOF(m, D[0:n]) = SUBPROOF(m, D[0:n], true). */
  List<Hash> proof(int m, int n) {
    return subproof(m, 0, n, true);
  }

  private Hash mth(int from, int to) {
    int n = to - from;
    if (n == 0) {
      return Rfc6962.emptyRoot();
    }
    if (n == 1) {
      return leaves.get(from);
    }
    long key = ((long) from << 32) | to;
    Hash cached = mthCache.get(key);
    if (cached != null) {
      return cached;
    }
    int k = k(n);
    Hash result = Rfc6962.nodeHash(mth(from, from + k), mth(from + k, to));
    mthCache.put(key, result);
    return result;
  }

  /** PATH(m, D[from:to]), m relative to from. */
  private List<Hash> path(int m, int from, int to) {
    int n = to - from;
    List<Hash> result = new ArrayList<>();
    if (n <= 1) {
      return result;
    }
    int k = k(n);
    if (m < k) {
      result.addAll(path(m, from, from + k));
      result.add(mth(from + k, to));
    } else {
      result.addAll(path(m - k, from + k, to));
      result.add(mth(from, from + k));
    }
    return result;
  }

  /** SUBPROOF(m, D[from:to], b), m relative to from. */
  private List<Hash> subproof(int m, int from, int to, boolean b) {
    int n = to - from;
    List<Hash> result = new ArrayList<>();
    if (m == n) {
      if (!b) {
        result.add(mth(from, to));
      }
      return result;
    }
    int k = k(n);
    if (m <= k) {
      result.addAll(subproof(m, from, from + k, b));
      result.add(mth(from + k, to));
    } else {
      result.addAll(subproof(m - k, from + k, to, false));
      result.add(mth(from, from + k));
    }
    return result;
  }

  /** The largest power of two smaller than n (n &gt; 1), by counting up as the RFC states it. */
  private static int k(int n) {
    int k = 1;
    while (k * 2 < n) {
      k *= 2;
    }
    return k;
  }
}
