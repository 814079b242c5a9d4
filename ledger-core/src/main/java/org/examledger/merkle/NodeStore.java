package org.examledger.merkle;

import java.util.List;
import java.util.Optional;

/**
 * Where a {@link MerkleLog} keeps the hashes of completed perfect subtrees, addressed by (level,
 * index). Kept this small so that the server can back it with one database table and the offline
 * verifier with a file. A node's hash never changes: an implementation must refuse to overwrite a
 * node with a different hash (and may accept rewriting the same hash).
 */
public interface NodeStore {

  /** The stored hash of node (level, index), or empty if that node was never written. */
  Optional<Hash> get(int level, long index);

  /**
   * Stores the hash of node (level, index).
   *
   * @throws IllegalStateException if the node already holds a different hash
   */
  void put(int level, long index, Hash hash);

  /**
   * Stores the nodes one append (or a batch of appends) produced. Implementations backed by a
   * database override this to write them in one statement; either all are stored or none.
   */
  default void putAll(List<Node> nodes) {
    for (Node node : nodes) {
      put(node.level(), node.index(), node.hash());
    }
  }
}
