package org.examledger.bundle;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.examledger.bytes.Bytes;
import org.examledger.merkle.Hash;

/**
 * Where a bundle's content comes from: a log's leaves, proofs, checkpoints and key descriptions.
 * The CLI reads them from a server over HTTP, the server from its own log; {@link BundleAssembler}
 * is the one code path that selects and assembles them.
 */
public interface BundleSource {

  /** One leaf: its index and its leaf input (docs/formats/leaf.md). */
  record Leaf(long leafIndex, Bytes leafInput) {}

  /** The checkpoint a bundle's proofs lead to: its tree size and its note with cosignatures. */
  record Anchor(long treeSize, String checkpoint) {}

  /** The log's verifier key, as the server states it (not a trust anchor). */
  String logKey();

  /** Whether {@link #leavesOf} can list one aggregate's leaves (else every leaf is read). */
  boolean listsAggregates();

  /** The leaves of one aggregate, in leaf order. */
  void leavesOf(String aggregateId, Consumer<Leaf> each);

  /** Every leaf of the log, in leaf order. */
  void allLeaves(Consumer<Leaf> each);

  /** A signed checkpoint that contains this leaf (the latest, signed now if need be). */
  Anchor anchor(long leafIndex);

  /** The note of the stored checkpoint of this tree size, with its cosignatures. */
  String checkpoint(long treeSize);

  /** The RFC 6962 consistency proof between two tree sizes. */
  List<Hash> consistency(long from, long to);

  /** The RFC 6962 inclusion proof of a leaf in the tree of this size. */
  List<Hash> inclusion(long leafIndex, long treeSize);

  /** The description of a registered key (JSON, as {@code GET /api/v1/keys/{keyId}} answers). */
  Optional<Bytes> key(String keyId);
}
