package org.examledger.merkle;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link NodeStore} in a hash map, for tests and for verifying a bundle in memory. */
public final class InMemoryNodeStore implements NodeStore {

  private record Address(int level, long index) {}

  private final Map<Address, Hash> nodes = new HashMap<>();

  @Override
  public synchronized Optional<Hash> get(int level, long index) {
    Node.checkAddress(level, index);
    return Optional.ofNullable(nodes.get(new Address(level, index)));
  }

  @Override
  public synchronized void put(int level, long index, Hash hash) {
    putAll(List.of(new Node(level, index, hash)));
  }

  @Override
  public synchronized void putAll(List<Node> batch) {
    for (Node node : batch) {
      Hash existing = nodes.get(new Address(node.level(), node.index()));
      if (existing != null && !existing.equals(node.hash())) {
        throw new IllegalStateException(conflict(node, existing));
      }
    }
    for (Node node : batch) {
      nodes.put(new Address(node.level(), node.index()), node.hash());
    }
  }

  /** Number of stored nodes. */
  public synchronized int size() {
    return nodes.size();
  }

  static String conflict(Node node, Hash existing) {
    return "node (level "
        + node.level()
        + ", index "
        + node.index()
        + ") already holds hash "
        + existing.hex()
        + ", refusing to overwrite it with "
        + node.hash().hex();
  }
}
