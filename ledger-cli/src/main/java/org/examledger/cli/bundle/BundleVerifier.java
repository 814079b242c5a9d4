package org.examledger.cli.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.crypto.Digests;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.EnvelopeException;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.Statement;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.LeafEncodingException;
import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleProofException;
import org.examledger.merkle.ProofVerifier;
import org.examledger.merkle.Rfc6962;
import org.examledger.proof.ProofFile;
import org.examledger.proof.ProofFileException;
import org.examledger.verify.KeyHistory;
import org.examledger.verify.KeyHistoryException;

/**
 * Verifies an evidence bundle offline with ledger-core alone (docs/formats/bundle.md,
 * "Verification"): the manifest's digests, every checkpoint against the witness policy and the
 * consistency between checkpoints, every event's leaf and inclusion proof, every envelope against
 * the key history rebuilt from the bundled key registry events as of the statement's issuedAt, the
 * bundled key descriptions against that history, and gaps in the selected session's events. It
 * collects every finding rather than stopping at the first.
 */
public final class BundleVerifier {

  private final WitnessPolicy policy;

  /**
   * @param policy the log key and witnesses a checkpoint must satisfy
   */
  public BundleVerifier(WitnessPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** A parsed event of the bundle. */
  private record Event(long leafIndex, String eventId, StoredEvent stored, Bytes leafInput) {}

  public BundleReport verify(Bundle bundle, boolean logKeyPinned) {
    Run run = new Run(bundle);
    run.manifest();
    run.checkpoints();
    run.events();
    run.keysFromLog();
    run.signatures();
    run.keyFiles();
    run.gaps();
    return new BundleReport(
        selection(bundle.manifest().path("selection")),
        policy.logKey().toString(),
        logKeyPinned,
        policy.threshold(),
        new ArrayList<>(run.roots.keySet()),
        run.events.size(),
        run.signed,
        run.unsigned,
        run.keys.size(),
        run.findings);
  }

  private static String selection(JsonNode selection) {
    StringBuilder sb = new StringBuilder();
    selection
        .fields()
        .forEachRemaining(
            f -> {
              if (!f.getValue().isNull()) {
                sb.append(sb.length() == 0 ? "" : ", ")
                    .append(f.getKey())
                    .append(' ')
                    .append(f.getValue().asText());
              }
            });
    return sb.length() == 0 ? "everything" : sb.toString();
  }

  private final class Run {
    final Bundle bundle;
    final Map<String, Bytes> files;
    final List<Finding> findings = new ArrayList<>();
    final TreeMap<Long, Hash> roots = new TreeMap<>();
    final TreeMap<Long, Event> events = new TreeMap<>();
    final KeyHistory keys = new KeyHistory();
    int signed;
    int unsigned;

    Run(Bundle bundle) {
      this.bundle = bundle;
      this.files = bundle.files();
    }

    void find(String rule, String eventId, Long leafIndex, String where, String message) {
      findings.add(new Finding(rule, eventId, leafIndex, where, message));
    }

    /** Every listed entry present with its digest; nothing unlisted. */
    void manifest() {
      Set<String> listed = new HashSet<>();
      for (JsonNode entry : bundle.manifest().path("entries")) {
        String path = entry.path("path").asText();
        listed.add(path);
        Bytes content = files.get(path);
        if (content == null) {
          find("entry-missing", null, null, path, "listed in the manifest but not in the bundle");
          continue;
        }
        String expected = entry.path("sha256").asText();
        String found = Digests.sha256(content).hex();
        if (!found.equals(expected)) {
          find(
              "entry-altered",
              null,
              null,
              path,
              "the manifest says SHA-256 " + expected + ", the entry has " + found);
        }
      }
      for (String path : files.keySet()) {
        if (!listed.contains(path)) {
          find("entry-unlisted", null, null, path, "in the bundle but not listed in the manifest");
        }
      }
    }

    void checkpoints() {
      for (JsonNode size : bundle.manifest().path("checkpoints")) {
        long treeSize = size.asLong();
        String path = Bundle.checkpointPath(treeSize);
        Bytes note = files.get(path);
        if (note == null) {
          find(
              "checkpoint-missing",
              null,
              null,
              path,
              "the manifest names checkpoint " + treeSize + " but the bundle does not hold it");
          continue;
        }
        try {
          Checkpoint checkpoint = policy.verify(SignedNote.parse(note.utf8String()));
          if (checkpoint.size() != treeSize) {
            find(
                "checkpoint-size",
                null,
                null,
                path,
                "filed as size " + treeSize + " but the signed note says " + checkpoint.size());
            continue;
          }
          roots.put(treeSize, Hash.of(checkpoint.rootHash()));
        } catch (NoteFormatException | NoteVerificationException e) {
          find("checkpoint-signature", null, null, path, e.getMessage());
        }
      }
      Long previous = null;
      for (long size : roots.keySet()) {
        if (previous != null && previous > 0) {
          String path = Bundle.consistencyPath(previous, size);
          Bytes proof = files.get(path);
          if (proof == null) {
            find(
                "consistency-missing",
                null,
                null,
                path,
                "no consistency proof between checkpoints " + previous + " and " + size);
          } else {
            try {
              List<Hash> hashes = new ArrayList<>();
              for (String line : proof.utf8String().split("\n")) {
                if (!line.isEmpty()) {
                  hashes.add(Hash.fromBase64(line));
                }
              }
              ProofVerifier.verifyConsistency(
                  new ConsistencyProof(previous, size, hashes),
                  roots.get(previous),
                  roots.get(size));
            } catch (MerkleProofException | IllegalArgumentException e) {
              find(
                  "checkpoint-inconsistent",
                  null,
                  null,
                  path,
                  "checkpoint "
                      + previous
                      + " is not proven a prefix of "
                      + size
                      + ": "
                      + e.getMessage());
            }
          }
        }
        previous = size;
      }
    }

    void events() {
      Set<String> eventFiles = new TreeSet<>();
      for (String path : files.keySet()) {
        if (path.startsWith("events/")) {
          eventFiles.add(path);
        }
      }
      for (JsonNode e : bundle.manifest().path("events")) {
        long index = e.path("leafIndex").asLong(-1);
        String eventId = e.path("eventId").asText(null);
        String path = Bundle.eventPath(index);
        eventFiles.remove(path);
        Bytes input = files.get(path);
        if (input == null) {
          find(
              "event-missing",
              eventId,
              index,
              path,
              "the manifest lists this event but "
                  + path
                  + " is not in the bundle ("
                  + e.path("payloadType").asText()
                  + ", "
                  + e.path("aggregateId").asText()
                  + " sequence "
                  + e.path("sequenceNumber").asText()
                  + ")");
          continue;
        }
        StoredEvent stored;
        try {
          stored = storedEvent(CanonicalJson.parseCanonical(input));
          if (!LeafEncoding.leafInput(stored).equals(input)) {
            throw new IllegalArgumentException(
                "it is not a version-1 leaf input (docs/formats/leaf.md)");
          }
        } catch (CanonicalJsonException | LeafEncodingException | IllegalArgumentException e2) {
          find("event-unreadable", eventId, index, path, e2.getMessage());
          continue;
        }
        if (!stored.eventIdentifier().equals(eventId)) {
          find(
              "event-mismatch",
              stored.eventIdentifier(),
              index,
              path,
              "the manifest lists event " + eventId + " at this leaf");
        }
        events.put(index, new Event(index, stored.eventIdentifier(), stored, input));
        inclusion(index, stored.eventIdentifier(), input);
      }
      for (String path : eventFiles) {
        find("entry-unlisted", null, null, path, "an event file the manifest does not list");
      }
    }

    private void inclusion(long index, String eventId, Bytes input) {
      String path = Bundle.proofPath(index);
      Bytes text = files.get(path);
      if (text == null) {
        find("proof-missing", eventId, index, path, "no inclusion proof for this event");
        return;
      }
      ProofFile proof;
      try {
        proof = ProofFile.parse(text.utf8String());
      } catch (ProofFileException e) {
        find("proof-unreadable", eventId, index, path, e.getMessage());
        return;
      }
      if (proof.index() != index) {
        find(
            "proof-wrong-leaf",
            eventId,
            index,
            path,
            "the proof is for leaf " + proof.index() + ", the event is leaf " + index);
        return;
      }
      Hash leafHash = Rfc6962.leafHash(input);
      Checkpoint checkpoint;
      try {
        checkpoint = policy.verify(SignedNote.parse(proof.checkpointNote()));
      } catch (NoteFormatException | NoteVerificationException e) {
        find("proof-checkpoint", eventId, index, path, e.getMessage());
        return;
      }
      Hash root = Hash.of(checkpoint.rootHash());
      if (!root.equals(roots.get(checkpoint.size()))) {
        find(
            "checkpoint-not-bundled",
            eventId,
            index,
            path,
            "the proof leads to the checkpoint of size "
                + checkpoint.size()
                + " and root "
                + root.hex()
                + ", which is not a verified checkpoint of the bundle");
      }
      try {
        ProofVerifier.verifyInclusion(proof.proof(), leafHash, root);
      } catch (MerkleProofException e) {
        find(
            "inclusion-proof",
            eventId,
            index,
            path,
            "leaf hash "
                + leafHash.hex()
                + " is not proven in the checkpoint of size "
                + checkpoint.size()
                + ": "
                + e.getMessage());
      }
    }

    void keysFromLog() {
      for (Event e : events.values()) {
        if (KeyHistory.isKeyEvent(e.stored())) {
          try {
            keys.add(e.stored());
          } catch (KeyHistoryException ex) {
            find("key-event-unreadable", e.eventId(), e.leafIndex(), null, ex.getMessage());
          }
        }
      }
    }

    void signatures() {
      for (Event e : events.values()) {
        signature(e);
      }
    }

    private void signature(Event e) {
      JsonNode provenance;
      try {
        provenance = CanonicalJson.parse(e.stored().payload()).get("provenance");
      } catch (CanonicalJsonException ex) {
        find("event-unreadable", e.eventId(), e.leafIndex(), null, ex.getMessage());
        return;
      }
      JsonNode envelopeJson = provenance == null ? null : provenance.get("envelope");
      if (envelopeJson == null || envelopeJson.isNull()) {
        unsigned++;
        return;
      }
      if (!envelopeJson.isTextual()) {
        find(
            "signature-invalid",
            e.eventId(),
            e.leafIndex(),
            null,
            "provenance.envelope must be the DSSE envelope as a string, found "
                + envelopeJson.getNodeType());
        return;
      }
      Statement statement;
      try {
        statement =
            Envelopes.verify(
                Envelope.parse(envelopeJson.textValue()),
                keys.resolver("any key event in the bundle"));
      } catch (EnvelopeException ex) {
        find(
            "signature-invalid",
            e.eventId(),
            e.leafIndex(),
            null,
            "the envelope does not verify: " + ex.getMessage());
        return;
      }
      KeyHistory.Key key = keys.find(statement.keyId().value()).orElseThrow();
      Instant issuedAt = statement.issuedAt();
      Optional<Instant> revokedAt = keys.revokedAt(key.keyId());
      if (issuedAt.isBefore(key.validFrom())
          || revokedAt.isPresent() && !issuedAt.isBefore(revokedAt.get())) {
        find(
            "key-not-valid",
            e.eventId(),
            e.leafIndex(),
            null,
            "key "
                + key.keyId()
                + " is valid from "
                + key.validFrom()
                + revokedAt.map(r -> " until " + r).orElse("")
                + "; the statement was issued at "
                + issuedAt);
        return;
      }
      if (!statement.actorId().equals(key.ownerId())) {
        find(
            "actor-key-mismatch",
            e.eventId(),
            e.leafIndex(),
            null,
            "the statement's actor '"
                + statement.actorId()
                + "' does not own key "
                + key.keyId()
                + ", which belongs to '"
                + key.ownerId()
                + "'");
        return;
      }
      JsonNode actor = provenance.get("actorId");
      String provenanceActor = actor == null || !actor.isTextual() ? null : actor.textValue();
      if (!statement.actorId().equals(provenanceActor)) {
        find(
            "actor-mismatch",
            e.eventId(),
            e.leafIndex(),
            null,
            "provenance.actorId is '"
                + provenanceActor
                + "' but the signed statement's actor is '"
                + statement.actorId()
                + "'");
        return;
      }
      signed++;
    }

    /** The server's key descriptions must say what the log's key events say. */
    void keyFiles() {
      for (Map.Entry<String, Bytes> f : files.entrySet()) {
        String path = f.getKey();
        if (!path.startsWith("keys/") || !path.endsWith(".json")) {
          continue;
        }
        String keyId = path.substring("keys/".length(), path.length() - ".json".length());
        JsonNode json;
        try {
          json = CanonicalJson.parse(f.getValue());
        } catch (CanonicalJsonException e) {
          find("key-file-unreadable", null, null, path, e.getMessage());
          continue;
        }
        Optional<KeyHistory.Key> logged = keys.find(keyId);
        if (logged.isEmpty()) {
          find(
              "key-not-in-log",
              null,
              null,
              path,
              "key " + keyId + " is described but no key event in the bundle registers it");
          continue;
        }
        KeyHistory.Key key = logged.get();
        compare(path, "keyId", key.keyId(), json.path("keyId").asText(null));
        compare(path, "owner", key.ownerId(), json.path("owner").asText(null));
        compare(
            path,
            "publicKey",
            key.publicKey().spki().base64(),
            json.path("publicKey").asText(null));
        compare(path, "validFrom", key.validFrom(), instant(json.path("validFrom")));
        compare(
            path, "revokedAt", keys.revokedAt(keyId).orElse(null), instant(json.path("revokedAt")));
      }
    }

    private Object instant(JsonNode node) {
      if (node.isNull() || node.isMissingNode()) {
        return null;
      }
      try {
        return Instant.parse(node.asText());
      } catch (DateTimeParseException e) {
        return node.asText();
      }
    }

    private void compare(String path, String member, Object fromLog, Object inFile) {
      if (fromLog instanceof Instant a
          && inFile instanceof Instant b
          && Math.abs(Duration.between(a, b).toNanos()) < 1_000) {
        // The server's key read model keeps microseconds (a PostgreSQL timestamp), the log's
        // event nanoseconds: equal to the microsecond is the same time (docs/formats/bundle.md).
        return;
      }
      if (!Objects.equals(fromLog, inFile)) {
        find(
            "key-mismatch",
            null,
            null,
            path,
            member + ": the log's key events say " + fromLog + ", the key file says " + inFile);
      }
    }

    /**
     * A whole-session bundle must hold the session's events without gaps in their sequence numbers:
     * a dropped event shows as a missing number even when its manifest line went too.
     */
    void gaps() {
      JsonNode sel = bundle.manifest().path("selection");
      String session = sel.path("session").asText(null);
      boolean whole = true;
      for (String narrowing : new String[] {"candidate", "examiner", "from", "to"}) {
        whole &= sel.path(narrowing).isMissingNode() || sel.path(narrowing).isNull();
      }
      if (session == null || !whole) {
        return;
      }
      TreeMap<Long, Event> bySequence = new TreeMap<>();
      for (Event e : events.values()) {
        if (session.equals(e.stored().aggregateIdentifier())) {
          bySequence.put(e.stored().sequenceNumber(), e);
        }
      }
      if (bySequence.isEmpty()) {
        find("event-missing", null, null, "session " + session, "the bundle has no event of it");
        return;
      }
      long expected = 0;
      String has =
          " (the bundle has sequence numbers "
              + bySequence.firstKey()
              + ".."
              + bySequence.lastKey()
              + ")";
      for (Map.Entry<Long, Event> s : bySequence.entrySet()) {
        long next = s.getKey();
        // One finding per gap, not per number: a sequence number is whatever the event file says,
        // and one of 4000000000 must not make a finding for each number below it.
        if (expected == next - 1) {
          find(
              "event-missing",
              null,
              null,
              "session " + session,
              "sequence number " + expected + " is missing" + has);
        } else if (expected < next) {
          find(
              "event-missing",
              null,
              null,
              "session " + session,
              "sequence numbers "
                  + expected
                  + ".."
                  + (next - 1)
                  + " are missing ("
                  + (next - expected)
                  + " events; the bundle has sequence numbers "
                  + bySequence.firstKey()
                  + ".."
                  + bySequence.lastKey()
                  + ")");
        }
        expected = Math.max(expected, next == Long.MAX_VALUE ? next : next + 1);
      }
    }
  }

  /** The stored event a leaf input describes (the inverse of {@link LeafEncoding#leafInput}). */
  static StoredEvent storedEvent(JsonNode leaf) {
    if (!leaf.isObject()) {
      throw new IllegalArgumentException("a leaf input is a JSON object");
    }
    JsonNode metaData = leaf.path("metaData");
    return new StoredEvent(
        text(leaf, "eventId"),
        nullableText(leaf, "aggregateType"),
        text(leaf, "aggregateId"),
        Long.parseLong(text(leaf, "sequenceNumber")),
        text(leaf, "payloadType"),
        nullableText(leaf, "payloadRevision"),
        text(leaf, "timestamp"),
        CanonicalJson.canonicalize(leaf.path("payload")),
        metaData.isNull() || metaData.isMissingNode()
            ? null
            : CanonicalJson.canonicalize(metaData));
  }

  private static String text(JsonNode leaf, String member) {
    JsonNode n = leaf.get(member);
    if (n == null || !n.isTextual()) {
      throw new IllegalArgumentException(
          "leaf member \"" + member + "\" is missing or not a string");
    }
    return n.textValue();
  }

  private static String nullableText(JsonNode leaf, String member) {
    JsonNode n = leaf.get(member);
    return n == null || n.isNull() ? null : text(leaf, member);
  }
}
