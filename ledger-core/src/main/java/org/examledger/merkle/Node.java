package org.examledger.merkle;

import java.util.Objects;

/**
 * The hash of a completed perfect subtree: the node at {@code level} (0 = leaves) and {@code index}
 * (its position among the nodes of that level), covering leaves [index * 2^level, (index + 1) *
 * 2^level). Such a hash never changes once the log has grown past it.
 */
public record Node(int level, long index, Hash hash) {

  /** A tree of at most 2^63 - 1 leaves has no node above level 62. */
  static final int MAX_LEVEL = 62;

  public Node {
    checkAddress(level, index);
    Objects.requireNonNull(hash, "hash");
  }

  static void checkAddress(int level, long index) {
    if (level < 0 || level > MAX_LEVEL) {
      throw new IllegalArgumentException(
          "node level must be in [0, " + MAX_LEVEL + "], found " + level);
    }
    if (index < 0) {
      throw new IllegalArgumentException("node index must not be negative, found " + index);
    }
  }
}
