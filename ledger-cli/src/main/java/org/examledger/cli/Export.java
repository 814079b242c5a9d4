package org.examledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.cli.bundle.BundleWriter;
import org.examledger.crypto.Digests;
import org.examledger.keys.KeyRegistry;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.examledger.proof.ProofFile;
import org.examledger.proof.ProofFileException;
import org.examledger.verify.KeyHistory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger export}: an evidence bundle from a running server, over its HTTP API. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Export an evidence bundle (events, proofs, checkpoints, keys) from a server.",
    description = {
      "Exports an evidence bundle (docs/formats/bundle.md) from a running ledger: the selected",
      "events (leaf inputs, with their signed envelopes), a C2SP tlog-proof for each against",
      "one checkpoint (with its witness cosignatures), and every key registry event with a",
      "proof, so that 'ledger verify-bundle' can check it all offline. Reads only the log's",
      "endpoints (/api/v1/log/*, /api/v1/keys/*), signed in as an account that may read the",
      "events (AUDITOR, SUPERVISOR or STATION_ADMIN); asking for proofs may make the server",
      "sign a checkpoint covering the newest events.",
      "Select with --session and narrow with --candidate, --examiner, --from, --to."
    })
final class Export implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerLogin login;

  @Option(names = "--session", description = "The events of this session (its aggregate).")
  String session;

  @Option(names = "--candidate", description = "Only events whose payload names this candidate.")
  String candidate;

  @Option(names = "--examiner", description = "Only events whose actor is this person.")
  String examiner;

  @Option(names = "--from", description = "Only events stored at or after this RFC 3339 time.")
  String from;

  @Option(names = "--to", description = "Only events stored before this RFC 3339 time.")
  String to;

  @Option(
      names = "--also-checkpoint",
      paramLabel = "SIZE",
      description =
          "Also bundle the checkpoint of this tree size (e.g. one published earlier) and the"
              + " consistency proofs that link it to the others. Repeatable.")
  List<Long> alsoCheckpoints = new ArrayList<>();

  @Option(names = "--out", required = true, description = "The bundle (zip) to create.")
  Path out;

  @Option(names = "--quiet", description = "No progress on standard error, no summary.")
  boolean quiet;

  /** One selected leaf. */
  private record Selected(long leafIndex, Bytes leafInput, JsonNode leaf) {}

  @Override
  public Integer call() {
    if (session == null && candidate == null && examiner == null && from == null && to == null) {
      throw CliException.usage(
          "select something: --session, --candidate, --examiner, --from or --to");
    }
    Instant fromTime = from == null ? null : time("--from", from);
    Instant toTime = to == null ? null : time("--to", to);
    if (Files.exists(out)) {
      throw CliException.usage(out + " exists; refusing to overwrite it");
    }
    Progress progress = new Progress(spec.commandLine().getErr(), quiet);
    Http http = login.http();
    String vkey = http.getOk("/api/v1/log/key").text().strip();

    List<Selected> selected = new ArrayList<>();
    if (session != null
        && http.get("/api/v1/log/aggregates/" + KeyRegistry.REGISTRY_ID + "/entries?start=0")
            .ok()) {
      // the server lists an aggregate's leaves: read only the session's and the key registry's
      TreeMap<Long, Selected> byLeaf = new TreeMap<>();
      for (String aggregate : List.of(KeyRegistry.REGISTRY_ID, session)) {
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
            Selected s = read(entry);
            if (isKeyEvent(s.leaf()) || matches(s.leaf(), fromTime, toTime)) {
              byLeaf.put(s.leafIndex(), s);
            }
          }
          start = page.path("next").isNull() ? null : page.path("next").asLong();
        }
      }
      selected.addAll(byLeaf.values());
    } else {
      // no session, or a server without the aggregate listing: read every leaf
      long start = 0;
      long treeSize;
      do {
        JsonNode page = http.getOk("/api/v1/log/entries?start=" + start).json("entries");
        treeSize = page.path("treeSize").asLong();
        for (JsonNode entry : page.path("entries")) {
          Selected s = read(entry);
          if (isKeyEvent(s.leaf()) || matches(s.leaf(), fromTime, toTime)) {
            selected.add(s);
          }
        }
        long end = page.path("end").asLong();
        if (end <= start && end < treeSize) {
          throw CliException.usage("GET /api/v1/log/entries: the server's pages do not advance");
        }
        start = end;
        progress.count("reading the log: leaves", start, treeSize, 1000);
      } while (start < treeSize);
    }
    int keyEvents = (int) selected.stream().filter(s -> isKeyEvent(s.leaf())).count();
    if (selected.size() == keyEvents) {
      throw CliException.failed("no event in the log matches " + describeSelection());
    }

    long last = selected.get(selected.size() - 1).leafIndex();
    JsonNode anchor = http.getOk("/api/v1/log/leaves/" + last + "/proof").json("proof");
    long anchorSize = anchor.path("treeSize").asLong();
    String anchorNote = anchor.path("checkpoint").asText();
    progress.step("anchoring to the checkpoint of size " + anchorSize);

    Map<String, String> selection = new LinkedHashMap<>();
    put(selection, "session", session);
    put(selection, "candidate", candidate);
    put(selection, "examiner", examiner);
    put(selection, "from", fromTime == null ? null : fromTime.toString());
    put(selection, "to", toTime == null ? null : toTime.toString());
    BundleWriter bundle = new BundleWriter(http.base(), Instant.now(), selection, vkey);

    TreeMap<Long, String> checkpoints = new TreeMap<>();
    checkpoints.put(anchorSize, anchorNote);
    for (long size : new TreeSet<>(alsoCheckpoints)) {
      if (size != anchorSize) {
        checkpoints.put(size, http.getOk("/api/v1/log/checkpoints/" + size).text());
      }
    }
    Long previous = null;
    for (Map.Entry<Long, String> c : checkpoints.entrySet()) {
      bundle.checkpoint(c.getKey(), c.getValue());
      if (previous != null && previous > 0) {
        JsonNode proof =
            http.getOk("/api/v1/log/consistency?from=" + previous + "&to=" + c.getKey())
                .json("consistency");
        bundle.consistency(previous, c.getKey(), hashes(proof.path("proof")));
      }
      previous = c.getKey();
    }

    int done = 0;
    for (Selected s : selected) {
      JsonNode proof =
          http.getOk("/api/v1/log/leaves/" + s.leafIndex() + "/proof?treeSize=" + anchorSize)
              .json("proof");
      try {
        bundle.event(
            s.leafIndex(),
            s.leafInput(),
            new ProofFile(
                s.leafIndex(),
                new InclusionProof(s.leafIndex(), anchorSize, hashes(proof.path("proof"))),
                anchorNote));
      } catch (ProofFileException | IllegalArgumentException e) {
        throw CliException.failed(
            "leaf " + s.leafIndex() + ": the server's proof is malformed: " + e.getMessage());
      }
      progress.count("fetching proofs", ++done, selected.size(), 100);
      if (KeyHistory.REGISTERED.equals(s.leaf().path("payloadType").asText())) {
        String keyId = s.leaf().path("payload").path("keyId").asText();
        Http.Answer key = http.get("/api/v1/keys/" + keyId);
        if (key.ok()) {
          bundle.key(keyId, Bytes.of(key.body()));
        }
      }
    }
    byte[] zip = bundle.toZip();
    CliFiles.write(out, zip);
    if (!quiet) {
      spec.commandLine()
          .getOut()
          .println(
              out
                  + ": "
                  + (selected.size() - keyEvents)
                  + " events of "
                  + describeSelection()
                  + " and "
                  + keyEvents
                  + " key registry events, each with an inclusion proof in the checkpoint of"
                  + " size "
                  + anchorSize
                  + "; SHA-256 "
                  + Digests.sha256(Bytes.of(zip)).hex());
    }
    return LedgerCli.OK;
  }

  private static Selected read(JsonNode entry) {
    long index = entry.path("leafIndex").asLong();
    if (entry.path("leafInput").isNull()) {
      throw CliException.failed(
          "the server cannot give the leaf input of leaf "
              + index
              + ": "
              + entry.path("problem").asText("no reason given")
              + " (run ./ledger verify on the server)");
    }
    Bytes input = Bytes.fromBase64(entry.path("leafInput").asText());
    try {
      return new Selected(index, input, CanonicalJson.parse(input));
    } catch (CanonicalJsonException e) {
      throw CliException.failed("leaf " + index + ": the leaf input is not JSON");
    }
  }

  private static boolean isKeyEvent(JsonNode leaf) {
    String type = leaf.path("payloadType").asText();
    return KeyHistory.REGISTERED.equals(type) || KeyHistory.REVOKED.equals(type);
  }

  private boolean matches(JsonNode leaf, Instant fromTime, Instant toTime) {
    if (session != null && !session.equals(leaf.path("aggregateId").asText())) {
      return false;
    }
    JsonNode payload = leaf.path("payload");
    if (candidate != null && !candidate.equals(payload.path("candidateId").asText(null))) {
      return false;
    }
    if (examiner != null
        && !examiner.equals(payload.path("provenance").path("actorId").asText(null))) {
      return false;
    }
    if (fromTime != null || toTime != null) {
      Instant at;
      try {
        at = Instant.parse(leaf.path("timestamp").asText());
      } catch (DateTimeParseException e) {
        return false;
      }
      if (fromTime != null && at.isBefore(fromTime) || toTime != null && !at.isBefore(toTime)) {
        return false;
      }
    }
    return true;
  }

  private String describeSelection() {
    List<String> parts = new ArrayList<>();
    if (session != null) {
      parts.add("session " + session);
    }
    if (candidate != null) {
      parts.add("candidate " + candidate);
    }
    if (examiner != null) {
      parts.add("examiner " + examiner);
    }
    if (from != null) {
      parts.add("from " + from);
    }
    if (to != null) {
      parts.add("to " + to);
    }
    return String.join(", ", parts);
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }

  private static List<Hash> hashes(JsonNode array) {
    List<Hash> path = new ArrayList<>();
    for (JsonNode h : array) {
      path.add(Hash.fromBase64(h.asText()));
    }
    return path;
  }

  private static Instant time(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw CliException.usage(
          option
              + ": expected an RFC 3339 time such as 2026-06-01T09:30:00Z, found '"
              + text
              + "'");
    }
  }
}
