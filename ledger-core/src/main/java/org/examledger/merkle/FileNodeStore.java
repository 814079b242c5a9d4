package org.examledger.merkle;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import org.examledger.bytes.Bytes;

/**
 * A {@link NodeStore} in one file of 32-byte hashes, in the order a {@link MerkleLog} completes
 * nodes (post-order: a leaf, then the nodes it completes, lowest first). A node's position is
 * computed, not looked up, so reads cost one positioned read and nothing is held in memory. The
 * price is that nodes must be written in that order, which is the order {@code MerkleLog} uses.
 *
 * <p>Node (level, index) is completed by leaf j = (index + 1) * 2^level - 1. Before leaf j, the
 * leaves 0..j-1 wrote 2j - popcount(j) nodes (each leaf i writes 1 + trailing ones of i), so the
 * node sits at position 2j - popcount(j) + level.
 */
public final class FileNodeStore implements NodeStore, Closeable {

  private final Path path;
  private final FileChannel channel;
  private long count;

  private FileNodeStore(Path path, FileChannel channel, long count) {
    this.path = path;
    this.channel = channel;
    this.count = count;
  }

  /**
   * Opens (creating if absent) the node file at {@code path}.
   *
   * @throws IllegalStateException if the file length is not a whole number of hashes
   */
  public static FileNodeStore open(Path path) {
    try {
      FileChannel channel =
          FileChannel.open(
              path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
      long length = channel.size();
      if (length % Hash.SIZE != 0) {
        channel.close();
        throw new IllegalStateException(
            "node file "
                + path
                + " has length "
                + length
                + ", not a multiple of "
                + Hash.SIZE
                + ": its last write is incomplete");
      }
      return new FileNodeStore(path, channel, length / Hash.SIZE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open node file " + path, e);
    }
  }

  /** Number of stored nodes. */
  public synchronized long nodeCount() {
    return count;
  }

  @Override
  public synchronized Optional<Hash> get(int level, long index) {
    Node.checkAddress(level, index);
    long position;
    try {
      position = position(level, index);
    } catch (ArithmeticException beyondAnyLog) {
      return Optional.empty();
    }
    if (position >= count) {
      return Optional.empty();
    }
    return Optional.of(read(position));
  }

  @Override
  public synchronized void put(int level, long index, Hash hash) {
    putAll(List.of(new Node(level, index, hash)));
  }

  /**
   * Writes the nodes and forces them to the device. Nodes already present must carry the same hash;
   * new ones must continue the file in post-order.
   *
   * @throws IllegalStateException on a different hash for a stored node, or a node out of order
   */
  @Override
  public synchronized void putAll(List<Node> nodes) {
    long next = count;
    ByteBuffer appended = ByteBuffer.allocate(Math.multiplyExact(nodes.size(), Hash.SIZE));
    for (Node node : nodes) {
      long position = position(node.level(), node.index());
      if (position < count) {
        Hash existing = read(position);
        if (!existing.equals(node.hash())) {
          throw new IllegalStateException(InMemoryNodeStore.conflict(node, existing));
        }
      } else if (position == next) {
        appended.put(node.hash().value().toByteArray());
        next++;
      } else {
        throw new IllegalStateException(
            "node (level "
                + node.level()
                + ", index "
                + node.index()
                + ") belongs at position "
                + position
                + " but the node file continues at position "
                + next
                + "; nodes must be written in the order a MerkleLog completes them");
      }
    }
    appended.flip();
    try {
      long offset = count * Hash.SIZE;
      while (appended.hasRemaining()) {
        offset += channel.write(appended, offset);
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write node file " + path, e);
    }
    count = next;
  }

  @Override
  public synchronized void close() {
    try {
      channel.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close node file " + path, e);
    }
  }

  /** Post-order position of node (level, index); see the class comment. */
  static long position(int level, long index) {
    long lastLeaf = Math.subtractExact(Math.multiplyExact(index + 1, 1L << level), 1);
    return Math.addExact(Math.multiplyExact(2, lastLeaf) - Long.bitCount(lastLeaf), level);
  }

  private Hash read(long position) {
    ByteBuffer buffer = ByteBuffer.allocate(Hash.SIZE);
    try {
      long offset = position * Hash.SIZE;
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, offset + buffer.position());
        if (n < 0) {
          throw new IllegalStateException("node file " + path + " ended inside node " + position);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read node file " + path, e);
    }
    return Hash.of(Bytes.of(buffer.array()));
  }
}
