package org.examledger.api.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.api.seal.CheckpointPublisher;
import org.examledger.api.seal.LogProperties;
import org.examledger.api.seal.LogReader;
import org.examledger.api.seal.StoredCheckpoint;
import org.examledger.bundle.BundleAssemblyException;
import org.examledger.bundle.BundleSource;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.merkle.Hash;
import org.springframework.stereotype.Component;

/**
 * A bundle's content read in process, from the same log reader, checkpoint publisher and key
 * registry view the log's JSON endpoints answer from ({@code /api/v1/log/*}, {@code
 * /api/v1/keys/*}); {@link org.examledger.bundle.BundleAssembler} makes the same bundle from it as
 * {@code ./ledger export} does over HTTP.
 */
@Component
class ServerBundleSource implements BundleSource {

  private final LogReader reader;
  private final CheckpointPublisher publisher;
  private final NoteSigner logSigner;
  private final KeyRegistryView keys;
  private final LogProperties properties;
  private final ObjectMapper json;

  ServerBundleSource(
      LogReader reader,
      CheckpointPublisher publisher,
      NoteSigner logSigner,
      KeyRegistryView keys,
      LogProperties properties,
      ObjectMapper json) {
    this.reader = reader;
    this.publisher = publisher;
    this.logSigner = logSigner;
    this.keys = keys;
    this.properties = properties;
    this.json = json;
  }

  @Override
  public String logKey() {
    return logSigner.verifierKey().toString();
  }

  @Override
  public boolean listsAggregates() {
    return true;
  }

  @Override
  public void leavesOf(String aggregateId, Consumer<Leaf> each) {
    int limit = properties.maxEntries();
    long start = 0;
    while (true) {
      List<LogReader.Entry> page = reader.entriesOfAggregate(aggregateId, start, limit);
      page.forEach(e -> each.accept(leaf(e)));
      if (page.size() < limit) {
        return;
      }
      start = page.get(page.size() - 1).leaf().leafIndex() + 1;
    }
  }

  @Override
  public void allLeaves(Consumer<Leaf> each) {
    long size = reader.treeSize();
    for (long start = 0; start < size; start += properties.maxEntries()) {
      reader
          .entries(start, Math.min(size, start + properties.maxEntries()))
          .forEach(e -> each.accept(leaf(e)));
    }
  }

  @Override
  public Anchor anchor(long leafIndex) {
    StoredCheckpoint checkpoint = reader.latestCheckpoint().orElseGet(publisher::publish);
    if (leafIndex >= checkpoint.treeSize()) {
      // sequenced after the last checkpoint: sign one now, as GET .../leaves/{i}/proof does
      checkpoint = publisher.publish();
    }
    return new Anchor(checkpoint.treeSize(), reader.noteWithCosignatures(checkpoint));
  }

  @Override
  public String checkpoint(long treeSize) {
    return reader.noteWithCosignatures(
        reader
            .checkpoint(treeSize)
            .orElseThrow(
                () ->
                    new BundleAssemblyException(
                        "the log signed no checkpoint of size " + treeSize)));
  }

  @Override
  public List<Hash> consistency(long from, long to) {
    return reader.consistencyProof(from, to).path();
  }

  @Override
  public List<Hash> inclusion(long leafIndex, long treeSize) {
    return reader.inclusionProof(leafIndex, treeSize).path();
  }

  @Override
  public Optional<Bytes> key(String keyId) {
    return keys.find(keyId)
        .map(
            k -> {
              try {
                return Bytes.of(json.writeValueAsBytes(k.describe()));
              } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
              }
            });
  }

  private static Leaf leaf(LogReader.Entry e) {
    if (e.leafInput() == null) {
      throw new BundleAssemblyException(
          "the log cannot give the leaf input of leaf "
              + e.leaf().leafIndex()
              + ": "
              + e.problem()
              + " (run ./ledger verify)");
    }
    return new Leaf(e.leaf().leafIndex(), e.leafInput());
  }
}
