package org.examledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.EnvelopeException;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.Statement;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.LeafEncodingException;
import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleLog;
import org.examledger.merkle.MerkleProofException;
import org.examledger.merkle.NodeStore;
import org.examledger.merkle.ProofVerifier;

/**
 * Verifies a whole ledger from a {@link LedgerSource} (docs/operations.md, "Verification"):
 *
 * <ol>
 *   <li>every leaf is recomputed from its stored event ({@link LeafEncoding}) and compared with the
 *       stored leaf hash; every leaf has its event, every event a leaf, leaf indexes run 0..n-1;
 *   <li>the Merkle tree is rebuilt from the recomputed leaf hashes in a scratch {@link NodeStore};
 *   <li>every stored checkpoint's signature verifies under the log key, its root is the rebuilt
 *       root at its size, and it is consistent with the next (a consistency proof from the rebuilt
 *       tree, verified against both signed roots);
 *   <li>every event whose provenance carries an envelope is verified ({@link Envelopes#verify})
 *       against the key history rebuilt from the key registry's stored events, as of the
 *       statement's issuedAt, and the statement's actor is both the key's owner and the
 *       provenance's actor. Events without an envelope are counted as unsigned, not failed.
 * </ol>
 *
 * Problems are collected, not thrown: a verifier must say everything that is wrong, each naming the
 * event (identifier, leaf index) or the checkpoint, with expected and found values.
 */
public final class LedgerVerifier {

  /** Entries between two progress reports. */
  public static final int PROGRESS_EVERY = 10_000;

  /** Problems listed in a report; more are counted. Keeps memory bounded on a wrecked ledger. */
  public static final int MAX_LISTED_PROBLEMS = 1_000;

  /** Leaf hashes appended to the scratch tree per store write, so a file store syncs rarely. */
  private static final int APPEND_BATCH = 4_096;

  /**
   * Entries checked together (leaf recomputed, signature verified), in parallel over the machine's
   * cores, while the next batch is being read.
   */
  private static final int CHECK_BATCH = 1_024;

  /**
   * The pure part of one entry's checks, computed in parallel: its recomputed leaf hash (or why it
   * cannot be recomputed; both null when the entry has no leaf or no event) and its signature.
   */
  private record Checked(Hash recomputed, String unreadable, SignatureOutcome signature) {}

  /**
   * What one event's signature check found: signed and valid, unsigned, a problem, or nothing to
   * add (an unreadable payload the leaf check reports).
   */
  private record SignatureOutcome(boolean signed, boolean unsigned, Problem problem) {
    static final SignatureOutcome SIGNED = new SignatureOutcome(true, false, null);
    static final SignatureOutcome UNSIGNED = new SignatureOutcome(false, true, null);
    static final SignatureOutcome NONE = new SignatureOutcome(false, false, null);

    static SignatureOutcome of(Problem problem) {
      return new SignatureOutcome(false, false, problem);
    }
  }

  private final NoteVerifierKey logKey;
  private final ProgressListener progress;

  /**
   * @param logKey the log's checkpoint verifier key (signed-note type 0x01), the trust anchor
   * @param progress told every {@link #PROGRESS_EVERY} entries
   */
  public LedgerVerifier(NoteVerifierKey logKey, ProgressListener progress) {
    this.logKey = Objects.requireNonNull(logKey, "logKey");
    this.progress = Objects.requireNonNull(progress, "progress");
  }

  /**
   * Reads everything from {@code source} and checks it.
   *
   * @param scratch an empty node store the tree is rebuilt in (in memory, or a temporary file to
   *     keep memory flat on a large ledger)
   */
  public VerificationReport verify(LedgerSource source, NodeStore scratch) {
    return verify(source, scratch, List.of());
  }

  /**
   * Reads everything from {@code source} and checks it, and checks that the stored log extends
   * every one of {@code witnessed}: checkpoints held outside the database (by a witness that
   * cosigned them, or an auditor), whose log signatures the caller has verified. A stored log that
   * is shorter than a witnessed checkpoint ({@code witnessed-checkpoint-ahead}) or has another root
   * at its size ({@code witnessed-checkpoint-fork}) is not the log that was witnessed: typically an
   * older backup restored over the ledger. The stored checkpoints alone cannot show this, since a
   * restored database holds only the checkpoints of its own past.
   *
   * @param witnessed checkpoints the log is known to have signed, in any order
   */
  public VerificationReport verify(
      LedgerSource source, NodeStore scratch, List<Checkpoint> witnessed) {
    ForkJoinPool workers = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
    try {
      return verify(source, scratch, witnessed, workers);
    } finally {
      workers.shutdownNow();
    }
  }

  private VerificationReport verify(
      LedgerSource source, NodeStore scratch, List<Checkpoint> witnessed, ForkJoinPool workers) {
    Run run = new Run(MerkleLog.create(scratch), workers);
    source.keyEvents(run::keyEvent);
    for (Map.Entry<String, Instant> orphan : run.keys.orphanRevocations().entrySet()) {
      run.problem(
          new Problem(
              "key-history",
              null,
              null,
              null,
              null,
              orphan.getKey(),
              "key "
                  + orphan.getKey()
                  + " is revoked (at "
                  + orphan.getValue()
                  + ") but never registered"));
    }
    source.entries(run::entry);
    run.drain();
    run.applyChecked();
    run.flush();
    source.checkpoints(run::checkpoint);
    for (Checkpoint checkpoint : witnessed) {
      run.witnessed(checkpoint);
    }
    return run.report();
  }

  /** The mutable state of one verification. */
  private final class Run {
    private final MerkleLog tree;
    private final ForkJoinPool workers;
    private final KeyHistory keys = new KeyHistory();
    private final List<Hash> pending = new ArrayList<>();
    private List<LedgerEntry> batch = new ArrayList<>();
    private List<LedgerEntry> checking = List.of();
    private Future<List<Checked>> inFlight;
    private final List<Problem> problems = new ArrayList<>();
    private long problemCount;
    private long entries;
    private long events;
    private long leaves;
    private long nextLeafIndex;
    private long checkpoints;
    private long witnessedCheckpoints;
    private long largestCheckpoint = -1;
    private long signed;
    private long unsigned;
    private StoredCheckpointNote previous;
    private boolean previousRootHeld;

    Run(MerkleLog tree, ForkJoinPool workers) {
      this.tree = tree;
      this.workers = workers;
    }

    void problem(Problem p) {
      problemCount++;
      if (problems.size() < MAX_LISTED_PROBLEMS) {
        problems.add(p);
      }
    }

    void keyEvent(StoredEvent event) {
      try {
        keys.add(event);
      } catch (KeyHistoryException e) {
        problem(
            Problem.ofEvent(
                "key-event-unreadable",
                event.eventIdentifier(),
                null,
                null,
                null,
                "key registry event "
                    + event.payloadType()
                    + " cannot be read: "
                    + e.getMessage()));
      }
    }

    /**
     * Takes an entry into the batch. A full batch has its leaves recomputed and its signatures
     * checked in parallel (each check reads only its entry and the key history, complete before the
     * first entry) while the source reads the next batch; the entries are then applied one by one
     * in order, so the tree, the counts and the order of the findings are as if every entry were
     * checked alone.
     */
    void entry(LedgerEntry entry) {
      batch.add(entry);
      if (batch.size() >= CHECK_BATCH) {
        drain();
      }
    }

    /** Applies the batch being checked, then starts checking the one just read. */
    void drain() {
      if (batch.isEmpty()) {
        return;
      }
      applyChecked();
      List<LedgerEntry> next = batch;
      batch = new ArrayList<>();
      checking = next;
      inFlight = workers.submit(() -> next.parallelStream().map(this::check).toList());
    }

    /** Waits for the batch being checked, if any, and applies its entries in order. */
    void applyChecked() {
      if (inFlight == null) {
        return;
      }
      List<Checked> results;
      try {
        results = inFlight.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while checking entries", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException r) {
          throw r;
        }
        throw new IllegalStateException("checking entries failed: " + e.getCause(), e.getCause());
      }
      for (int i = 0; i < checking.size(); i++) {
        apply(checking.get(i), results.get(i));
      }
      checking = List.of();
      inFlight = null;
    }

    /** The pure checks of one entry; runs on a worker thread. */
    private Checked check(LedgerEntry e) {
      StoredEvent event = e.event();
      if (event == null) {
        return new Checked(null, null, SignatureOutcome.NONE);
      }
      // Parsed once for the leaf and the signature; an unreadable payload takes the paths that
      // parse it again and say why.
      JsonNode payload;
      try {
        payload = CanonicalJson.parse(event.payload());
      } catch (CanonicalJsonException x) {
        payload = null;
      }
      Hash recomputed = null;
      String unreadable = null;
      if (e.leafIndex() != null) {
        try {
          recomputed =
              payload == null
                  ? LeafEncoding.leafHash(event)
                  : LeafEncoding.leafHash(event, payload);
        } catch (LeafEncodingException x) {
          unreadable = x.getMessage();
        }
      }
      return new Checked(recomputed, unreadable, signature(event, payload, e.leafIndex()));
    }

    private void apply(LedgerEntry entry, Checked checked) {
      SignatureOutcome outcome = checked.signature();
      entries++;
      StoredEvent event = entry.event();
      if (event != null) {
        events++;
      }
      if (entry.leafIndex() != null) {
        leaf(entry, checked);
      } else {
        problem(
            Problem.ofEvent(
                "leaf-missing",
                event.eventIdentifier(),
                null,
                "a leaf",
                "none",
                "event (aggregate "
                    + event.aggregateIdentifier()
                    + ", sequence "
                    + event.sequenceNumber()
                    + ", "
                    + event.payloadType()
                    + ") has no leaf: it was never sequenced into the log, e.g. inserted behind"
                    + " the application's back"));
      }
      if (outcome.signed()) {
        signed++;
      } else if (outcome.unsigned()) {
        unsigned++;
      } else if (outcome.problem() != null) {
        problem(outcome.problem());
      }
      if (entries % PROGRESS_EVERY == 0) {
        progress.entriesDone(entries);
      }
    }

    private void leaf(LedgerEntry entry, Checked checked) {
      leaves++;
      long index = entry.leafIndex();
      if (index != nextLeafIndex) {
        problem(
            Problem.ofEvent(
                "leaf-index-gap",
                entry.leafEventId(),
                index,
                Long.toString(nextLeafIndex),
                Long.toString(index),
                "leaf indexes must run 0..n-1 without gaps: expected leaf index "
                    + nextLeafIndex
                    + ", found "
                    + index));
      }
      nextLeafIndex = index + 1;
      Hash stored = entry.leafHash();
      Hash forTree = stored;
      StoredEvent event = entry.event();
      if (event == null) {
        problem(
            Problem.ofEvent(
                "event-missing",
                entry.leafEventId(),
                index,
                "event " + entry.leafEventId(),
                "none",
                "the leaf (hash "
                    + stored.hex()
                    + ") names an event that is not stored: the event was deleted"));
      } else if (checked.recomputed() != null) {
        Hash recomputed = checked.recomputed();
        if (!recomputed.equals(stored)) {
          problem(
              Problem.ofEvent(
                  "leaf-hash-mismatch",
                  entry.leafEventId(),
                  index,
                  stored.hex(),
                  recomputed.hex(),
                  "the stored event no longer hashes to its leaf: expected leaf hash "
                      + stored.hex()
                      + ", recomputed "
                      + recomputed.hex()
                      + " (aggregate "
                      + event.aggregateIdentifier()
                      + ", sequence "
                      + event.sequenceNumber()
                      + ")"));
          forTree = recomputed;
        }
      } else {
        problem(
            Problem.ofEvent(
                "event-unreadable",
                entry.leafEventId(),
                index,
                stored.hex(),
                null,
                "cannot recompute the leaf: " + checked.unreadable()));
      }
      pending.add(forTree);
      if (pending.size() >= APPEND_BATCH) {
        flush();
      }
    }

    void flush() {
      if (!pending.isEmpty()) {
        tree.appendAll(pending);
        pending.clear();
      }
    }

    /**
     * The signature check of one event: pure (reads the key history only), so it runs in parallel.
     */
    private SignatureOutcome signature(StoredEvent event, JsonNode payload, Long leafIndex) {
      String id = event.eventIdentifier();
      JsonNode provenance;
      try {
        provenance =
            (payload == null ? CanonicalJson.parse(event.payload()) : payload).get("provenance");
      } catch (CanonicalJsonException e) {
        // already reported by the leaf check (or as an event without a leaf)
        if (leafIndex == null) {
          return SignatureOutcome.of(
              Problem.ofEvent(
                  "event-unreadable",
                  id,
                  null,
                  null,
                  null,
                  "stored payload is not I-JSON: " + e.getMessage()));
        }
        return SignatureOutcome.NONE;
      }
      JsonNode envelopeJson = provenance == null ? null : provenance.get("envelope");
      if (envelopeJson == null || envelopeJson.isNull()) {
        return SignatureOutcome.UNSIGNED;
      }
      if (!envelopeJson.isTextual()) {
        return SignatureOutcome.of(
            Problem.ofEvent(
                "signature-invalid",
                id,
                leafIndex,
                "a string",
                envelopeJson.getNodeType().toString(),
                "provenance.envelope must be the DSSE envelope as a string, found "
                    + envelopeJson.getNodeType()));
      }
      Statement statement;
      try {
        statement =
            Envelopes.verify(
                Envelope.parse(envelopeJson.textValue()), keys.resolver("any key registry event"));
      } catch (EnvelopeException e) {
        return SignatureOutcome.of(
            Problem.ofEvent(
                "signature-invalid",
                id,
                leafIndex,
                null,
                null,
                "the stored envelope does not verify: " + e.getMessage()));
      }
      KeyHistory.Key key = keys.find(statement.keyId().value()).orElseThrow();
      Instant issuedAt = statement.issuedAt();
      Optional<Instant> revokedAt = keys.revokedAt(key.keyId());
      if (issuedAt.isBefore(key.validFrom())
          || revokedAt.isPresent() && !issuedAt.isBefore(revokedAt.get())) {
        return SignatureOutcome.of(
            Problem.ofEvent(
                "key-not-valid",
                id,
                leafIndex,
                "valid from " + key.validFrom() + revokedAt.map(r -> " until " + r).orElse(""),
                issuedAt.toString(),
                "key "
                    + key.keyId()
                    + " is valid from "
                    + key.validFrom()
                    + revokedAt.map(r -> " until " + r).orElse("")
                    + "; the statement was issued at "
                    + issuedAt));
      }
      if (!statement.actorId().equals(key.ownerId())) {
        return SignatureOutcome.of(
            Problem.ofEvent(
                "actor-key-mismatch",
                id,
                leafIndex,
                key.ownerId(),
                statement.actorId(),
                "the statement's actor '"
                    + statement.actorId()
                    + "' does not own key "
                    + key.keyId()
                    + ", which belongs to '"
                    + key.ownerId()
                    + "'"));
      }
      JsonNode actor = provenance.get("actorId");
      String provenanceActor = actor == null || !actor.isTextual() ? null : actor.textValue();
      if (!statement.actorId().equals(provenanceActor)) {
        return SignatureOutcome.of(
            Problem.ofEvent(
                "actor-mismatch",
                id,
                leafIndex,
                statement.actorId(),
                provenanceActor,
                "provenance.actorId is '"
                    + provenanceActor
                    + "' but the signed statement's actor is '"
                    + statement.actorId()
                    + "'"));
      }
      return SignatureOutcome.SIGNED;
    }

    void checkpoint(StoredCheckpointNote stored) {
      checkpoints++;
      long size = stored.treeSize();
      Checkpoint checkpoint;
      try {
        SignedNote note = SignedNote.parse(stored.note());
        note.verify(List.of(logKey));
        checkpoint = Checkpoint.parse(note.text());
      } catch (NoteFormatException | NoteVerificationException e) {
        problem(
            Problem.ofCheckpoint(
                "checkpoint-signature",
                size,
                null,
                null,
                "the stored note is not a checkpoint signed by "
                    + logKey.name()
                    + "+"
                    + logKey.keyIdHex()
                    + ": "
                    + e.getMessage()));
        previous = null;
        return;
      }
      Hash signedRoot = Hash.of(checkpoint.rootHash());
      if (checkpoint.size() != size || !signedRoot.equals(stored.rootHash())) {
        problem(
            Problem.ofCheckpoint(
                "checkpoint-row-mismatch",
                size,
                size + " " + stored.rootHash().hex(),
                checkpoint.size() + " " + signedRoot.hex(),
                "the checkpoint is filed under size "
                    + size
                    + " and root "
                    + stored.rootHash().hex()
                    + " but its signed note says size "
                    + checkpoint.size()
                    + " and root "
                    + signedRoot.hex()));
      }
      StoredCheckpointNote signedValues =
          new StoredCheckpointNote(checkpoint.size(), signedRoot, stored.note());
      largestCheckpoint = Math.max(largestCheckpoint, checkpoint.size());
      boolean rootHolds = false;
      if (checkpoint.size() > tree.size()) {
        problem(
            Problem.ofCheckpoint(
                "checkpoint-beyond-log",
                size,
                "at most " + tree.size(),
                Long.toString(checkpoint.size()),
                "the checkpoint signs a tree of "
                    + checkpoint.size()
                    + " leaves but the log has "
                    + tree.size()
                    + ": leaves were deleted"));
      } else {
        Hash rebuilt = tree.root(checkpoint.size());
        rootHolds = rebuilt.equals(signedRoot);
        if (!rootHolds) {
          problem(
              Problem.ofCheckpoint(
                  "checkpoint-root-mismatch",
                  size,
                  signedRoot.hex(),
                  rebuilt.hex(),
                  "the signed root is "
                      + signedRoot.hex()
                      + " but the tree rebuilt from the stored events has root "
                      + rebuilt.hex()
                      + " at this size"));
        }
      }
      if (previous != null && previous.treeSize() > 0 && checkpoint.size() <= tree.size()) {
        consistency(previous, signedValues, previousRootHeld && rootHolds);
      }
      previous = signedValues;
      previousRootHeld = rootHolds;
    }

    /**
     * Proves the earlier signed checkpoint a prefix of the later one with a proof from the rebuilt
     * tree. When a root already differs from the rebuilt tree that problem is reported and this one
     * would only repeat it.
     */
    private void consistency(
        StoredCheckpointNote older, StoredCheckpointNote newer, boolean bothRootsHeld) {
      try {
        ProofVerifier.verifyConsistency(
            tree.consistencyProof(older.treeSize(), newer.treeSize()),
            older.rootHash(),
            newer.rootHash());
      } catch (MerkleProofException | IllegalArgumentException e) {
        if (bothRootsHeld) {
          problem(
              Problem.ofCheckpoint(
                  "checkpoint-inconsistent",
                  newer.treeSize(),
                  null,
                  null,
                  "not consistent with checkpoint " + older.treeSize() + ": " + e.getMessage()));
        }
      }
    }

    /** The stored log must extend a checkpoint held outside the database. */
    void witnessed(Checkpoint checkpoint) {
      long size = checkpoint.size();
      Hash witnessedRoot = Hash.of(checkpoint.rootHash());
      witnessedCheckpoints++;
      if (size > tree.size()) {
        problem(
            Problem.ofCheckpoint(
                "witnessed-checkpoint-ahead",
                size,
                "at least " + size + " leaves",
                Long.toString(tree.size()),
                "a checkpoint of size "
                    + size
                    + " (root "
                    + witnessedRoot.hex()
                    + ") was signed by the log and witnessed, but the stored log has only "
                    + tree.size()
                    + " leaves: the database is behind what was witnessed (an older backup"
                    + " restored, or leaves deleted)"));
        return;
      }
      Hash rebuilt = size == 0 ? null : tree.root(size);
      if (size > 0 && !rebuilt.equals(witnessedRoot)) {
        problem(
            Problem.ofCheckpoint(
                "witnessed-checkpoint-fork",
                size,
                witnessedRoot.hex(),
                rebuilt.hex(),
                "the witnessed checkpoint of size "
                    + size
                    + " signs root "
                    + witnessedRoot.hex()
                    + " but the tree rebuilt from the stored events has root "
                    + rebuilt.hex()
                    + " at that size: the stored log is not the log that was witnessed (an older"
                    + " backup restored and written to, or events changed)"));
      }
    }

    VerificationReport report() {
      return new VerificationReport(
          events,
          leaves,
          checkpoints,
          largestCheckpoint,
          signed,
          unsigned,
          keys.size(),
          witnessedCheckpoints,
          problems,
          problemCount);
    }
  }
}
