package org.examledger.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.keys.KeyRegistry;
import org.examledger.merkle.InclusionProof;
import org.examledger.proof.ProofFile;
import org.examledger.proof.ProofFileException;
import org.examledger.verify.KeyHistory;

/**
 * Selects a bundle's events from a {@link BundleSource} and assembles the bundle: the selected
 * events and every key registry event, each with an inclusion proof in one checkpoint (the one that
 * covers the newest selected leaf), any further checkpoints asked for with the consistency proofs
 * between them, and the description of every registered key.
 */
public final class BundleAssembler {

  /** Where the assembly is, for a progress display. */
  public interface Progress {
    Progress NONE =
        new Progress() {
          @Override
          public void step(String message) {}

          @Override
          public void proofs(int done, int total) {}
        };

    void step(String message);

    void proofs(int done, int total);
  }

  /** The assembled bundle: the zip, and what it holds. */
  public record Result(byte[] zip, int events, int keyEvents, long anchorSize) {}

  private record Selected(long leafIndex, Bytes leafInput, JsonNode leaf) {}

  private final BundleSource source;
  private final Progress progress;

  public BundleAssembler(BundleSource source, Progress progress) {
    this.source = source;
    this.progress = progress;
  }

  /**
   * @param alsoCheckpoints tree sizes of further stored checkpoints to bundle (may be empty)
   * @param server where the bundle came from, for the manifest's {@code server} member
   * @throws BundleAssemblyException if nothing matches, or the source gives a malformed leaf/proof
   */
  public Result assemble(
      BundleSelection selection,
      Collection<Long> alsoCheckpoints,
      String server,
      Instant exportedAt) {
    if (selection.isEmpty()) {
      throw new BundleAssemblyException(
          "select something: a session, candidate, examiner, from or to");
    }
    String vkey = source.logKey().strip();
    List<Selected> selected = new ArrayList<>();
    if (selection.session() != null && source.listsAggregates()) {
      // read only the session's and the key registry's leaves
      TreeMap<Long, Selected> byLeaf = new TreeMap<>();
      for (String aggregate : List.of(KeyRegistry.REGISTRY_ID, selection.session())) {
        source.leavesOf(
            aggregate,
            l -> {
              Selected s = read(l);
              if (isKeyEvent(s.leaf()) || selection.matches(s.leaf())) {
                byLeaf.put(s.leafIndex(), s);
              }
            });
      }
      selected.addAll(byLeaf.values());
    } else {
      source.allLeaves(
          l -> {
            Selected s = read(l);
            if (isKeyEvent(s.leaf()) || selection.matches(s.leaf())) {
              selected.add(s);
            }
          });
    }
    int keyEvents = (int) selected.stream().filter(s -> isKeyEvent(s.leaf())).count();
    if (selected.size() == keyEvents) {
      throw new BundleAssemblyException("no event in the log matches " + selection.describe());
    }

    BundleSource.Anchor anchor = source.anchor(selected.get(selected.size() - 1).leafIndex());
    long anchorSize = anchor.treeSize();
    progress.step("anchoring to the checkpoint of size " + anchorSize);
    BundleWriter bundle = new BundleWriter(server, exportedAt, selection.toManifest(), vkey);

    TreeMap<Long, String> checkpoints = new TreeMap<>();
    checkpoints.put(anchorSize, anchor.checkpoint());
    for (long size : new TreeSet<>(alsoCheckpoints)) {
      if (size != anchorSize) {
        checkpoints.put(size, source.checkpoint(size));
      }
    }
    Long previous = null;
    for (Map.Entry<Long, String> c : checkpoints.entrySet()) {
      bundle.checkpoint(c.getKey(), c.getValue());
      if (previous != null && previous > 0) {
        bundle.consistency(previous, c.getKey(), source.consistency(previous, c.getKey()));
      }
      previous = c.getKey();
    }

    int done = 0;
    for (Selected s : selected) {
      try {
        bundle.event(
            s.leafIndex(),
            s.leafInput(),
            new ProofFile(
                s.leafIndex(),
                new InclusionProof(
                    s.leafIndex(), anchorSize, source.inclusion(s.leafIndex(), anchorSize)),
                anchor.checkpoint()));
      } catch (ProofFileException | IllegalArgumentException e) {
        throw new BundleAssemblyException(
            "leaf " + s.leafIndex() + ": the server's proof is malformed: " + e.getMessage());
      }
      progress.proofs(++done, selected.size());
      if (KeyHistory.REGISTERED.equals(s.leaf().path("payloadType").asText())) {
        String keyId = s.leaf().path("payload").path("keyId").asText();
        Optional<Bytes> key = source.key(keyId);
        key.ifPresent(k -> bundle.key(keyId, k));
      }
    }
    return new Result(bundle.toZip(), selected.size() - keyEvents, keyEvents, anchorSize);
  }

  private static Selected read(BundleSource.Leaf l) {
    try {
      return new Selected(l.leafIndex(), l.leafInput(), CanonicalJson.parse(l.leafInput()));
    } catch (CanonicalJsonException e) {
      throw new BundleAssemblyException("leaf " + l.leafIndex() + ": the leaf input is not JSON");
    }
  }

  private static boolean isKeyEvent(JsonNode leaf) {
    String type = leaf.path("payloadType").asText();
    return KeyHistory.REGISTERED.equals(type) || KeyHistory.REVOKED.equals(type);
  }
}
