package org.examledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.examledger.bundle.BundleSource;
import org.examledger.bytes.Bytes;
import org.examledger.keys.KeyRegistry;
import org.examledger.merkle.Hash;

/** A bundle's content read from a running server over its HTTP API (the log's endpoints). */
final class HttpBundleSource implements BundleSource {

  private final Http http;
  private final Progress progress;

  HttpBundleSource(Http http, Progress progress) {
    this.http = http;
    this.progress = progress;
  }

  @Override
  public String logKey() {
    return http.getOk("/api/v1/log/key").text();
  }

  @Override
  public boolean listsAggregates() {
    return http.get("/api/v1/log/aggregates/" + KeyRegistry.REGISTRY_ID + "/entries?start=0").ok();
  }

  @Override
  public void leavesOf(String aggregate, Consumer<Leaf> each) {
    Long start = 0L;
    while (start != null) {
      progress.step("reading the log: the leaves of " + aggregate + " from leaf " + start);
      JsonNode page =
          http.getOk(
                  "/api/v1/log/aggregates/"
                      + URLEncoder.encode(aggregate, StandardCharsets.UTF_8).replace("+", "%20")
                      + "/entries?start="
                      + start)
              .json("entries");
      for (JsonNode entry : page.path("entries")) {
        each.accept(read(entry));
      }
      start = page.path("next").isNull() ? null : page.path("next").asLong();
    }
  }

  @Override
  public void allLeaves(Consumer<Leaf> each) {
    long start = 0;
    long treeSize;
    do {
      JsonNode page = http.getOk("/api/v1/log/entries?start=" + start).json("entries");
      treeSize = page.path("treeSize").asLong();
      for (JsonNode entry : page.path("entries")) {
        each.accept(read(entry));
      }
      long end = page.path("end").asLong();
      if (end <= start && end < treeSize) {
        throw CliException.usage("GET /api/v1/log/entries: the server's pages do not advance");
      }
      start = end;
      progress.count("reading the log: leaves", start, treeSize, 1000);
    } while (start < treeSize);
  }

  @Override
  public Anchor anchor(long leafIndex) {
    JsonNode anchor = http.getOk("/api/v1/log/leaves/" + leafIndex + "/proof").json("proof");
    return new Anchor(anchor.path("treeSize").asLong(), anchor.path("checkpoint").asText());
  }

  @Override
  public String checkpoint(long treeSize) {
    return http.getOk("/api/v1/log/checkpoints/" + treeSize).text();
  }

  @Override
  public List<Hash> consistency(long from, long to) {
    return hashes(
        http.getOk("/api/v1/log/consistency?from=" + from + "&to=" + to)
            .json("consistency")
            .path("proof"));
  }

  @Override
  public List<Hash> inclusion(long leafIndex, long treeSize) {
    return hashes(
        http.getOk("/api/v1/log/leaves/" + leafIndex + "/proof?treeSize=" + treeSize)
            .json("proof")
            .path("proof"));
  }

  @Override
  public Optional<Bytes> key(String keyId) {
    Http.Answer key = http.get("/api/v1/keys/" + keyId);
    return key.ok() ? Optional.of(Bytes.of(key.body())) : Optional.empty();
  }

  private static Leaf read(JsonNode entry) {
    long index = entry.path("leafIndex").asLong();
    if (entry.path("leafInput").isNull()) {
      throw CliException.failed(
          "the server cannot give the leaf input of leaf "
              + index
              + ": "
              + entry.path("problem").asText("no reason given")
              + " (run ./ledger verify on the server)");
    }
    return new Leaf(index, Bytes.fromBase64(entry.path("leafInput").asText()));
  }

  private static List<Hash> hashes(JsonNode array) {
    List<Hash> path = new ArrayList<>();
    for (JsonNode h : array) {
      path.add(Hash.fromBase64(h.asText()));
    }
    return path;
  }
}
