package org.examledger.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.crypto.Digests;
import org.examledger.merkle.Hash;
import org.examledger.proof.ProofFile;

/** Assembles a bundle (docs/formats/bundle.md) and writes it as one zip, manifest first. */
public final class BundleWriter {

  /** Entry times are fixed so that the same content gives the same zip bytes. */
  private static final long ENTRY_TIME = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final ObjectNode manifest = JSON.createObjectNode();
  private final Map<String, Bytes> files = new LinkedHashMap<>();
  private final TreeMap<Long, ObjectNode> events = new TreeMap<>();
  private final TreeMap<Long, Boolean> checkpoints = new TreeMap<>();

  /**
   * @param selection what was asked for (session, candidate, examiner, from, to; absent = any)
   * @param logVkey the log's verifier key as the server gave it (not a trust anchor)
   */
  public BundleWriter(
      String server, Instant exportedAt, Map<String, String> selection, String logVkey) {
    manifest.put("format", BundleLayout.FORMAT);
    manifest.put("server", server);
    manifest.put("exportedAt", exportedAt.toString());
    ObjectNode sel = manifest.putObject("selection");
    selection.forEach(sel::put);
    manifest.put("logKey", logVkey);
    files.put(BundleLayout.LOG_KEY, Bytes.utf8(logVkey + "\n"));
  }

  public void checkpoint(long treeSize, String note) {
    files.put(BundleLayout.checkpointPath(treeSize), Bytes.utf8(note));
    checkpoints.put(treeSize, true);
  }

  public void consistency(long from, long to, List<Hash> path) {
    StringBuilder sb = new StringBuilder();
    for (Hash h : path) {
      sb.append(h.base64()).append('\n');
    }
    files.put(BundleLayout.consistencyPath(from, to), Bytes.utf8(sb.toString()));
  }

  /** One selected event: its leaf input (docs/formats/leaf.md) and its proof file. */
  public void event(long leafIndex, Bytes leafInput, ProofFile proof) {
    JsonNode leaf = CanonicalJson.parse(leafInput);
    ObjectNode e = JSON.createObjectNode();
    e.put("leafIndex", leafIndex);
    e.put("eventId", leaf.path("eventId").asText());
    e.put("aggregateId", leaf.path("aggregateId").asText());
    e.put("sequenceNumber", leaf.path("sequenceNumber").asText());
    e.put("payloadType", leaf.path("payloadType").asText());
    e.put("file", BundleLayout.eventPath(leafIndex));
    e.put("proof", BundleLayout.proofPath(leafIndex));
    events.put(leafIndex, e);
    files.put(BundleLayout.eventPath(leafIndex), leafInput);
    files.put(BundleLayout.proofPath(leafIndex), Bytes.utf8(proof.toText()));
  }

  /** The server's description of a key (GET /api/v1/keys/{keyId}), for reading convenience. */
  public void key(String keyId, Bytes json) {
    files.put(BundleLayout.keyPath(keyId), json);
  }

  public int eventCount() {
    return events.size();
  }

  /** The zip: manifest.json first, then the files in the order they were added. */
  public byte[] toZip() {
    ArrayNode cps = manifest.putArray("checkpoints");
    checkpoints.keySet().forEach(cps::add);
    ArrayNode ev = manifest.putArray("events");
    events.values().forEach(ev::add);
    ArrayNode entries = manifest.putArray("entries");
    files.forEach(
        (path, content) -> {
          ObjectNode entry = entries.addObject();
          entry.put("path", path);
          entry.put("size", content.length());
          entry.put("sha256", Digests.sha256(content).hex());
        });
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
        put(zip, BundleLayout.MANIFEST, JSON.writeValueAsBytes(manifest));
        for (Map.Entry<String, Bytes> f : files.entrySet()) {
          put(zip, f.getKey(), f.getValue().toByteArray());
        }
      }
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void put(ZipOutputStream zip, String path, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(path);
    entry.setTime(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }
}
