package org.examledger.api.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.examledger.api.seal.CheckpointPublisher;
import org.examledger.api.seal.CheckpointRefusedException;
import org.examledger.api.seal.LogProperties;
import org.examledger.api.seal.LogReader;
import org.examledger.api.seal.LogRequestRefused;
import org.examledger.api.seal.StoredCheckpoint;
import org.examledger.api.seal.WitnessCosignatures;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The Merkle log for auditors and witnesses (docs/api.md, "HTTP for auditors and witnesses"):
 * signed checkpoints, the log key, inclusion and consistency proofs, entries with their leaf
 * inputs, and witness cosignatures. Hashes are standard base64, as in checkpoints.
 */
@RestController
@RequestMapping("/api/v1/log")
class LogController {

  static final String TEXT = "text/plain; charset=utf-8";

  private final LogReader reader;
  private final CheckpointPublisher publisher;
  private final WitnessCosignatures cosignatures;
  private final NoteSigner logSigner;
  private final LogProperties properties;

  LogController(
      LogReader reader,
      CheckpointPublisher publisher,
      WitnessCosignatures cosignatures,
      NoteSigner logSigner,
      LogProperties properties) {
    this.reader = reader;
    this.publisher = publisher;
    this.cosignatures = cosignatures;
    this.logSigner = logSigner;
    this.properties = properties;
  }

  @GetMapping(value = "/checkpoint", produces = TEXT)
  String checkpoint() {
    return reader.noteWithCosignatures(latest());
  }

  /** A stored checkpoint by size, with its cosignatures: what a witness cosigns. */
  @GetMapping(value = "/checkpoints/{treeSize}", produces = TEXT)
  String checkpoint(@PathVariable long treeSize) {
    return reader.noteWithCosignatures(
        reader
            .checkpoint(treeSize)
            .orElseThrow(
                () ->
                    new LogRequestRefused(
                        404,
                        "unknown-checkpoint",
                        "the log signed no checkpoint of size " + treeSize,
                        "treeSize")));
  }

  /** Signs a checkpoint now if the tree has grown since the last one; answers the latest. */
  @PostMapping(value = "/checkpoint", produces = TEXT)
  String publishCheckpoint() {
    return reader.noteWithCosignatures(publisher.publish());
  }

  @GetMapping(value = "/key", produces = TEXT)
  String key() {
    return logSigner.verifierKey() + "\n";
  }

  @GetMapping("/events/{eventIdentifier}/proof")
  Map<String, Object> eventProof(
      @PathVariable String eventIdentifier, @RequestParam(required = false) Long treeSize) {
    LogReader.Leaf leaf =
        reader
            .leafOfEvent(eventIdentifier)
            .orElseThrow(
                () ->
                    new LogRequestRefused(
                        404,
                        "leaf-not-found",
                        "event "
                            + eventIdentifier
                            + " has no leaf (unknown event, or not sequenced yet)",
                        "eventIdentifier"));
    return proof(leaf, treeSize);
  }

  @GetMapping("/leaves/{leafIndex}/proof")
  Map<String, Object> leafProof(
      @PathVariable long leafIndex, @RequestParam(required = false) Long treeSize) {
    LogReader.Leaf leaf =
        reader
            .leaf(leafIndex)
            .orElseThrow(
                () ->
                    new LogRequestRefused(
                        404, "leaf-not-found", "no leaf with index " + leafIndex, "leafIndex"));
    return proof(leaf, treeSize);
  }

  private Map<String, Object> proof(LogReader.Leaf leaf, Long treeSize) {
    StoredCheckpoint checkpoint;
    if (treeSize != null) {
      checkpoint =
          reader
              .checkpoint(treeSize)
              .orElseThrow(
                  () ->
                      new LogRequestRefused(
                          404,
                          "unknown-checkpoint",
                          "the log signed no checkpoint of size " + treeSize,
                          "treeSize"));
    } else {
      checkpoint = latest();
      if (leaf.leafIndex() >= checkpoint.treeSize()) {
        // sequenced after the last checkpoint: sign one now rather than make the auditor wait
        checkpoint = publisher.publish();
      }
    }
    if (leaf.leafIndex() >= checkpoint.treeSize()) {
      throw new LogRequestRefused(
          404,
          "leaf-not-in-checkpoint",
          "leaf "
              + leaf.leafIndex()
              + " is not in the checkpoint of size "
              + checkpoint.treeSize()
              + "; ask for a later checkpoint",
          "treeSize");
    }
    InclusionProof proof = reader.inclusionProof(leaf.leafIndex(), checkpoint.treeSize());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("eventIdentifier", leaf.eventIdentifier());
    body.put("globalIndex", leaf.globalIndex());
    body.put("leafIndex", leaf.leafIndex());
    body.put("treeSize", checkpoint.treeSize());
    body.put("leafHash", leaf.leafHash().base64());
    body.put("proof", base64(proof.path()));
    body.put("checkpoint", reader.noteWithCosignatures(checkpoint));
    return body;
  }

  @GetMapping("/consistency")
  Map<String, Object> consistency(@RequestParam long from, @RequestParam long to) {
    long size = reader.treeSize();
    if (from < 1 || from > to || to > size) {
      throw new LogRequestRefused(
          400,
          "invalid-range",
          "need 1 <= from <= to <= " + size + " (the tree size), found from " + from + ", to " + to,
          from < 1 || from > to ? "from" : "to");
    }
    ConsistencyProof proof = reader.consistencyProof(from, to);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("from", from);
    body.put("to", to);
    body.put("proof", base64(proof.path()));
    return body;
  }

  @GetMapping("/entries")
  Map<String, Object> entries(
      @RequestParam(defaultValue = "0") long start, @RequestParam(required = false) Long end) {
    long size = reader.treeSize();
    long last = Math.min(end == null ? size : end, Math.min(size, start + properties.maxEntries()));
    if (start < 0 || (end != null && end < start)) {
      throw new LogRequestRefused(
          400,
          "invalid-range",
          "need 0 <= start <= end, found start " + start + ", end " + end,
          start < 0 ? "start" : "end");
    }
    List<Map<String, Object>> entries =
        start >= last
            ? List.of()
            : reader.entries(start, last).stream().map(LogController::entry).toList();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("start", start);
    body.put("end", Math.max(start, last));
    body.put("treeSize", size);
    body.put("entries", entries);
    return body;
  }

  /**
   * The leaves of one aggregate's events (a session's, or the key registry's {@code key-registry})
   * from leaf index {@code start} on, one page of at most {@code ledger.log.max-entries}; {@code
   * next} is the start of the next page, or null after the last. What an auditor's export reads
   * instead of the whole log.
   */
  @GetMapping("/aggregates/{aggregateId}/entries")
  Map<String, Object> aggregateEntries(
      @PathVariable String aggregateId, @RequestParam(defaultValue = "0") long start) {
    if (start < 0) {
      throw new LogRequestRefused(
          400, "invalid-range", "need 0 <= start, found start " + start, "start");
    }
    int limit = properties.maxEntries();
    List<LogReader.Entry> page = reader.entriesOfAggregate(aggregateId, start, limit);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("aggregateId", aggregateId);
    body.put("start", start);
    body.put("next", page.size() < limit ? null : page.get(page.size() - 1).leaf().leafIndex() + 1);
    body.put("treeSize", reader.treeSize());
    body.put("entries", page.stream().map(LogController::entry).toList());
    return body;
  }

  private static Map<String, Object> entry(LogReader.Entry e) {
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("leafIndex", e.leaf().leafIndex());
    entry.put("eventIdentifier", e.leaf().eventIdentifier());
    entry.put("globalIndex", e.leaf().globalIndex());
    entry.put("leafHash", e.leaf().leafHash().base64());
    entry.put("leafInput", e.leafInput() == null ? null : e.leafInput().base64());
    if (e.problem() != null) {
      entry.put("problem", e.problem());
    }
    return entry;
  }

  /** A witness posts the checkpoint note with its cosignature line(s) added. */
  @PostMapping(value = "/add-checkpoint", produces = TEXT)
  String addCheckpoint(@RequestBody String cosignedNote) {
    StringBuilder lines = new StringBuilder();
    for (String line : cosignatures.add(cosignedNote)) {
      lines.append(line).append('\n');
    }
    return lines.toString();
  }

  private StoredCheckpoint latest() {
    return reader.latestCheckpoint().orElseGet(publisher::publish);
  }

  private static List<String> base64(List<Hash> path) {
    return path.stream().map(Hash::base64).toList();
  }

  /** The publisher refused to sign (and logged why): the log is not serving new checkpoints. */
  @ExceptionHandler(CheckpointRefusedException.class)
  ProblemDetail checkpointRefused(CheckpointRefusedException e) {
    return ProblemDetailsAdvice.problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "checkpoint-refused",
        "the log refuses to sign a new checkpoint because its stored state does not extend the"
            + " last signed checkpoint; the operators have been alerted in the service log",
        null);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
    return ProblemDetailsAdvice.problem(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        e.getName() + " must be a whole number, found '" + e.getValue() + "'",
        e.getName());
  }

  @ExceptionHandler(MissingServletRequestParameterException.class)
  ProblemDetail missingParameter(MissingServletRequestParameterException e) {
    return ProblemDetailsAdvice.problem(
        HttpStatus.BAD_REQUEST,
        "invalid-parameter",
        e.getParameterName() + " is required",
        e.getParameterName());
  }
}
