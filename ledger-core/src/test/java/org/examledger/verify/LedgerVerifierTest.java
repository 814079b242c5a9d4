package org.examledger.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.SignedNote;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.FileNodeStore;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InMemoryNodeStore;
import org.examledger.merkle.MerkleLog;
import org.examledger.statements.StatementSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerVerifierTest {

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
  private static final String ORIGIN = "examledger.test/ledger";
  private static final NoteSigner LOG =
      NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(seed("log")));
  private static final StatementSigner ADMIN = signer("admin-01");
  private static final StatementSigner EXAMINER = signer("examiner-07");

  private static Bytes seed(String label) {
    return Digests.sha256(Bytes.utf8("verify test key " + label)).value();
  }

  private static StatementSigner signer(String actor) {
    return new StatementSigner(actor, Signers.ed25519FromSeed(seed(actor)));
  }

  private static String keyId(StatementSigner s) {
    return s.signer().publicKey().keyId().value();
  }

  /** A small ledger: two key registrations, a signed score, an unsigned score; checkpoints 2, 4. */
  private static final class Ledger implements LedgerSource {
    final List<StoredEvent> events = new ArrayList<>();
    final Map<String, StoredEvent> stored = new LinkedHashMap<>();
    final List<LedgerEntry> leaves = new ArrayList<>();
    final List<StoredCheckpointNote> checkpoints = new ArrayList<>();

    Ledger() {
      events.add(keyEvent(0, ADMIN, ADMIN, "STATION_ADMIN", T0));
      events.add(keyEvent(1, EXAMINER, ADMIN, "EXAMINER", T0));
      events.add(score(2, "31.5", EXAMINER.actorId(), true));
      events.add(score(3, "20", "clerk-02", false));
      MerkleLog tree = MerkleLog.create(new InMemoryNodeStore());
      for (int i = 0; i < events.size(); i++) {
        StoredEvent e = events.get(i);
        stored.put(e.eventIdentifier(), e);
        Hash h = LeafEncoding.leafHash(e);
        leaves.add(new LedgerEntry((long) i, e.eventIdentifier(), h, e));
        tree.append(h);
        if (i == 1 || i == 3) {
          checkpoints.add(checkpoint(i + 1L, tree.root(), LOG));
        }
      }
    }

    @Override
    public void keyEvents(Consumer<StoredEvent> consumer) {
      stored.values().stream().filter(KeyHistory::isKeyEvent).forEach(consumer);
    }

    @Override
    public void entries(Consumer<LedgerEntry> consumer) {
      List<String> withLeaf = new ArrayList<>();
      for (LedgerEntry leaf : leaves) {
        withLeaf.add(leaf.leafEventId());
        consumer.accept(
            new LedgerEntry(
                leaf.leafIndex(),
                leaf.leafEventId(),
                leaf.leafHash(),
                stored.get(leaf.leafEventId())));
      }
      stored.values().stream()
          .filter(e -> !withLeaf.contains(e.eventIdentifier()))
          .forEach(e -> consumer.accept(new LedgerEntry(null, null, null, e)));
    }

    @Override
    public void checkpoints(Consumer<StoredCheckpointNote> consumer) {
      checkpoints.forEach(consumer);
    }

    void replace(int index, StoredEvent event) {
      stored.put(event.eventIdentifier(), event);
    }
  }

  static StoredCheckpointNote checkpoint(long size, Hash root, NoteSigner signer) {
    String text = new Checkpoint(ORIGIN, size, root.value(), List.of()).toNoteText();
    return new StoredCheckpointNote(size, root, SignedNote.sign(text, signer).toString());
  }

  static String eventId(int n) {
    return "00000000-0000-0000-0000-00000000000" + n;
  }

  static ObjectNode provenance(String actor, String envelope) {
    ObjectNode p = JSON.objectNode().put("actorId", actor).put("submitterId", "unauthenticated");
    p.put("receivedAt", T0.plusSeconds(5).toString());
    return p.put("envelope", envelope);
  }

  static StoredEvent keyEvent(
      int n, StatementSigner owner, StatementSigner admin, String role, Instant validFrom) {
    ObjectNode statement =
        JSON.objectNode()
            .put("owner", owner.actorId())
            .put("role", role)
            .put("publicKey", owner.signer().publicKey().spki().base64())
            .put("validFrom", validFrom.toString());
    String envelope =
        admin
            .sign("keys.register/v1", keyId(owner), statement, T0.plusSeconds(n), "n" + n)
            .toJson();
    ObjectNode payload =
        JSON.objectNode()
            .put("registryId", "key-registry")
            .put("keyId", keyId(owner))
            .put("ownerId", owner.actorId())
            .put("role", role)
            .put("algorithm", "ED25519")
            .put("publicKey", owner.signer().publicKey().spki().base64())
            .put("validFrom", validFrom.toString())
            .put("genesis", owner == admin);
    payload.set("provenance", provenance(admin.actorId(), envelope));
    return event(n, "key-registry", n, KeyHistory.REGISTERED, payload);
  }

  static ObjectNode scorePayload(String score, String actor, String envelope) {
    ObjectNode payload =
        JSON.objectNode()
            .put("sessionId", "S-1")
            .put("candidateId", "C-1")
            .put("componentId", "theory")
            .put("score", score);
    payload.set("provenance", provenance(actor, envelope));
    return payload;
  }

  static String scoreEnvelope(String score, int n, Instant issuedAt) {
    ObjectNode statement =
        JSON.objectNode()
            .put("candidateId", "C-1")
            .put("componentId", "theory")
            .put("score", score);
    return EXAMINER.sign("exam.score.record/v1", "S-1", statement, issuedAt, "n" + n).toJson();
  }

  static StoredEvent score(int n, String score, String actor, boolean signed) {
    String envelope = signed ? scoreEnvelope(score, n, T0.plusSeconds(n)) : null;
    return event(
        n,
        "S-1",
        n - 2,
        "org.examledger.exam.ScoreRecordedEvent",
        scorePayload(score, actor, envelope));
  }

  static StoredEvent event(int n, String aggregate, long seq, String type, ObjectNode payload) {
    return new StoredEvent(
        eventId(n),
        aggregate.equals("key-registry") ? "KeyRegistry" : "ExamSession",
        aggregate,
        seq,
        type,
        "1",
        T0.plusSeconds(n).toString(),
        Bytes.utf8(payload.toString()),
        null);
  }

  static StoredEvent withPayload(StoredEvent e, String payload) {
    return new StoredEvent(
        e.eventIdentifier(),
        e.aggregateType(),
        e.aggregateIdentifier(),
        e.sequenceNumber(),
        e.payloadType(),
        e.payloadRevision(),
        e.timestamp(),
        Bytes.utf8(payload),
        e.metaData());
  }

  static VerificationReport verify(Ledger ledger) {
    return new LedgerVerifier(LOG.verifierKey(), ProgressListener.NONE)
        .verify(ledger, new InMemoryNodeStore());
  }

  static List<String> kinds(VerificationReport report) {
    return report.problems().stream().map(Problem::kind).toList();
  }

  @Test
  void verify_untouchedLedger_holds() {
    VerificationReport report = verify(new Ledger());

    assertThat(report.problems()).isEmpty();
    assertThat(report.ok()).isTrue();
    assertThat(report.toText())
        .isEqualTo(
            "OK: 4 events, 4 leaves, 2 checkpoints (largest size 4), 3 signatures verified,"
                + " 1 unsigned entries, 2 keys\n");
    report.requireOk();
  }

  @Test
  void verify_onFileNodeStore_holds(@TempDir Path dir) {
    try (FileNodeStore store = FileNodeStore.open(dir.resolve("nodes"))) {
      VerificationReport report =
          new LedgerVerifier(LOG.verifierKey(), ProgressListener.NONE).verify(new Ledger(), store);
      assertThat(report.ok()).isTrue();
      assertThat(store.nodeCount()).isEqualTo(7);
    }
  }

  @Test
  void verify_changedScore_namesEventLeafAndBothHashes() {
    Ledger ledger = new Ledger();
    StoredEvent original = ledger.events.get(2);
    StoredEvent altered =
        withPayload(original, original.payload().utf8String().replace("31.5", "39.5"));
    ledger.replace(2, altered);

    VerificationReport report = verify(ledger);

    Problem leaf = report.problems().get(0);
    assertThat(leaf.kind()).isEqualTo("leaf-hash-mismatch");
    assertThat(leaf.eventId()).isEqualTo(eventId(2));
    assertThat(leaf.leafIndex()).isEqualTo(2L);
    assertThat(leaf.expected()).isEqualTo(LeafEncoding.leafHash(original).hex());
    assertThat(leaf.found()).isEqualTo(LeafEncoding.leafHash(altered).hex());
    assertThat(leaf.toLine())
        .isEqualTo(
            "leaf-hash-mismatch: event "
                + eventId(2)
                + " leaf 2: the stored event no longer hashes to its leaf: expected leaf hash "
                + LeafEncoding.leafHash(original).hex()
                + ", recomputed "
                + LeafEncoding.leafHash(altered).hex()
                + " (aggregate S-1, sequence 0)");
    // the envelope still carries 31.5 and still verifies: the event's copy is what changed
    assertThat(kinds(report)).containsExactly("leaf-hash-mismatch", "checkpoint-root-mismatch");
    assertThat(report.problems().get(1).treeSize()).isEqualTo(4L);
    assertThat(report.summary()).startsWith("FAILED: 2 problems; ");
    assertThatThrownBy(report::requireOk)
        .isInstanceOf(LedgerVerificationException.class)
        .hasMessage("ledger verification failed with 2 problems, the first: " + leaf.toLine());
  }

  @Test
  void verify_deletedEvent_namesTheLeafsEvent() {
    Ledger ledger = new Ledger();
    ledger.stored.remove(eventId(3));

    VerificationReport report = verify(ledger);

    assertThat(kinds(report)).containsExactly("event-missing");
    assertThat(report.problems().get(0).eventId()).isEqualTo(eventId(3));
    assertThat(report.problems().get(0).leafIndex()).isEqualTo(3L);
  }

  @Test
  void verify_eventWithoutLeaf_isNamed() {
    Ledger ledger = new Ledger();
    ledger.stored.put(eventId(4), score(4, "50", "clerk-02", false));

    VerificationReport report = verify(ledger);

    assertThat(kinds(report)).containsExactly("leaf-missing");
    assertThat(report.problems().get(0).toLine())
        .startsWith("leaf-missing: event " + eventId(4) + ": event (aggregate S-1, sequence 2, ");
  }

  @Test
  void verify_alteredSignature_failsTheLeafAndTheSignature() {
    Ledger ledger = new Ledger();
    StoredEvent original = ledger.events.get(2);
    String envelope = scoreEnvelope("31.5", 2, T0.plusSeconds(2));
    String sig =
        envelope.substring(envelope.indexOf("\"sig\":\"") + 7, envelope.indexOf("\"sig\":\"") + 9);
    String forgedSig = sig.equals("AA") ? "BB" : "AA";
    String payload =
        original
            .payload()
            .utf8String()
            .replace("\\\"sig\\\":\\\"" + sig, "\\\"sig\\\":\\\"" + forgedSig);
    assertThat(payload).isNotEqualTo(original.payload().utf8String());
    ledger.replace(2, withPayload(original, payload));

    VerificationReport report = verify(ledger);

    assertThat(kinds(report))
        .containsExactly("leaf-hash-mismatch", "signature-invalid", "checkpoint-root-mismatch");
    assertThat(report.problems().get(1).message())
        .startsWith(
            "the stored envelope does not verify: signature with keyid "
                + keyId(EXAMINER)
                + " does not verify over PAE(payloadType, payload)");
  }

  @Test
  void verify_provenanceActorNotTheSigner_isNamed() {
    Ledger ledger = new Ledger();
    StoredEvent e =
        event(
            2,
            "S-1",
            0,
            "org.examledger.exam.ScoreRecordedEvent",
            scorePayload("31.5", "clerk-02", scoreEnvelope("31.5", 2, T0.plusSeconds(2))));
    ledger.replace(2, e);

    VerificationReport report = verify(ledger);

    assertThat(report.problems())
        .filteredOn(p -> p.kind().equals("actor-mismatch"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.eventId()).isEqualTo(eventId(2));
              assertThat(p.expected()).isEqualTo("examiner-07");
              assertThat(p.found()).isEqualTo("clerk-02");
            });
  }

  @Test
  void verify_statementIssuedBeforeTheKeyWasValid_isNamed() {
    Ledger ledger = new Ledger();
    // examiner's key valid from T0; a statement issued a minute earlier
    ledger.events.set(
        2,
        event(
            2,
            "S-1",
            0,
            "org.examledger.exam.ScoreRecordedEvent",
            scorePayload("31.5", "examiner-07", scoreEnvelope("31.5", 2, T0.minusSeconds(60)))));
    ledger.replace(2, ledger.events.get(2));

    VerificationReport report = verify(ledger);

    assertThat(report.problems())
        .filteredOn(p -> p.kind().equals("key-not-valid"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .isEqualTo(
                        "key "
                            + keyId(EXAMINER)
                            + " is valid from 2026-06-01T01:00:00Z; the statement was issued at"
                            + " 2026-06-01T00:59:00Z"));
  }

  @Test
  void verify_checkpointSignedByAnotherKey_isRefused() {
    Ledger ledger = new Ledger();
    NoteSigner other = NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(seed("other log")));
    StoredCheckpointNote genuine = ledger.checkpoints.get(1);
    ledger.checkpoints.set(1, checkpoint(4, genuine.rootHash(), other));

    VerificationReport report = verify(ledger);

    assertThat(kinds(report)).containsExactly("checkpoint-signature");
    assertThat(report.problems().get(0).toLine())
        .startsWith(
            "checkpoint-signature: checkpoint 4: the stored note is not a checkpoint signed by "
                + ORIGIN
                + "+"
                + LOG.verifierKey().keyIdHex());
  }

  @Test
  void verify_leafIndexGap_isNamed() {
    Ledger ledger = new Ledger();
    LedgerEntry last = ledger.leaves.get(3);
    ledger.leaves.set(3, new LedgerEntry(4L, last.leafEventId(), last.leafHash(), last.event()));

    VerificationReport report = verify(ledger);

    assertThat(report.problems().get(0).toLine())
        .isEqualTo(
            "leaf-index-gap: event "
                + eventId(3)
                + " leaf 4: leaf indexes must run 0..n-1 without gaps: expected leaf index 3,"
                + " found 4");
  }

  @Test
  void verify_manyEntries_reportsProgress() {
    List<Long> reported = new ArrayList<>();
    LedgerSource big =
        new LedgerSource() {
          @Override
          public void keyEvents(Consumer<StoredEvent> consumer) {}

          @Override
          public void entries(Consumer<LedgerEntry> consumer) {
            for (int i = 0; i < 20_001; i++) {
              StoredEvent e =
                  new StoredEvent("e-" + i, null, "A", i, "T", null, "t", Bytes.utf8("{}"), null);
              consumer.accept(
                  new LedgerEntry((long) i, e.eventIdentifier(), LeafEncoding.leafHash(e), e));
            }
          }

          @Override
          public void checkpoints(Consumer<StoredCheckpointNote> consumer) {}
        };

    VerificationReport report =
        new LedgerVerifier(LOG.verifierKey(), reported::add).verify(big, new InMemoryNodeStore());

    assertThat(reported).containsExactly(10_000L, 20_000L);
    assertThat(report.ok()).isTrue();
    assertThat(report.unsigned()).isEqualTo(20_001);
    assertThat(report.toText()).startsWith("note: leaves 0..20000 are not yet covered");
  }

  @Test
  void verify_statementIssuedAfterTheKeysRevocation_isNamed() {
    Ledger ledger = new Ledger();
    ObjectNode revocation =
        JSON.objectNode()
            .put("registryId", "key-registry")
            .put("keyId", keyId(EXAMINER))
            .put("ownerId", EXAMINER.actorId())
            .put("revokedAt", T0.plusSeconds(1).toString())
            .put("reason", "laptop stolen");
    revocation.set("provenance", provenance(ADMIN.actorId(), null));
    ledger.stored.put(eventId(5), event(5, "key-registry", 2, KeyHistory.REVOKED, revocation));

    VerificationReport report = verify(ledger);

    assertThat(report.problems())
        .filteredOn(p -> p.kind().equals("key-not-valid"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.eventId()).isEqualTo(eventId(2));
              assertThat(p.leafIndex()).isEqualTo(2L);
              assertThat(p.message())
                  .isEqualTo(
                      "key "
                          + keyId(EXAMINER)
                          + " is valid from 2026-06-01T01:00:00Z until 2026-06-01T01:00:01Z; the"
                          + " statement was issued at 2026-06-01T01:00:02Z");
            });
  }

  @Test
  void verify_statementByAnActorWhoDoesNotOwnTheKey_isNamed() {
    Ledger ledger = new Ledger();
    StatementSigner impostor = new StatementSigner("proctor-03", EXAMINER.signer());
    ObjectNode statement =
        JSON.objectNode()
            .put("candidateId", "C-1")
            .put("componentId", "theory")
            .put("score", "31.5");
    String envelope =
        impostor.sign("exam.score.record/v1", "S-1", statement, T0.plusSeconds(2), "n2").toJson();
    ledger.replace(
        2,
        event(
            2,
            "S-1",
            0,
            "org.examledger.exam.ScoreRecordedEvent",
            scorePayload("31.5", "proctor-03", envelope)));

    VerificationReport report = verify(ledger);

    assertThat(report.problems())
        .filteredOn(p -> p.kind().equals("actor-key-mismatch"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.expected()).isEqualTo("examiner-07");
              assertThat(p.found()).isEqualTo("proctor-03");
            });
  }

  @Test
  void verify_revocationOfAnUnregisteredKey_isAKeyHistoryProblem() {
    Ledger ledger = new Ledger();
    ObjectNode revocation =
        JSON.objectNode()
            .put("registryId", "key-registry")
            .put("keyId", "ab".repeat(32))
            .put("revokedAt", T0.toString());
    ledger.stored.put(eventId(5), event(5, "key-registry", 2, KeyHistory.REVOKED, revocation));

    VerificationReport report = verify(ledger);

    assertThat(report.problems().get(0).toLine())
        .isEqualTo(
            "key-history: key "
                + "ab".repeat(32)
                + " is revoked (at 2026-06-01T01:00:00Z) but never registered");
  }

  static VerificationReport verifyAgainst(Ledger ledger, Checkpoint witnessed) {
    return new LedgerVerifier(LOG.verifierKey(), ProgressListener.NONE)
        .verify(ledger, new InMemoryNodeStore(), List.of(witnessed));
  }

  /** The checkpoint a witness would hold: the ledger's own tree at {@code size} of its leaves. */
  static Checkpoint treeCheckpoint(List<Hash> leaves, int size) {
    MerkleLog tree = MerkleLog.create(new InMemoryNodeStore());
    leaves.subList(0, size).forEach(tree::append);
    return new Checkpoint(ORIGIN, size, tree.root().value(), List.of());
  }

  @Test
  void verify_witnessedCheckpointTheLogExtends_holdsAndIsCounted() {
    Ledger ledger = new Ledger();
    List<Hash> leaves = ledger.leaves.stream().map(LedgerEntry::leafHash).toList();

    VerificationReport report = verifyAgainst(ledger, treeCheckpoint(leaves, 3));

    assertThat(report.problems()).isEmpty();
    assertThat(report.witnessed()).isEqualTo(1);
    assertThat(report.summary()).endsWith(", 2 keys, 1 witnessed checkpoints");
  }

  @Test
  void verify_witnessedCheckpointBeyondTheLog_isAhead() {
    Ledger ledger = new Ledger();
    List<Hash> leaves = new ArrayList<>(ledger.leaves.stream().map(LedgerEntry::leafHash).toList());
    leaves.add(Hash.of(Digests.sha256(Bytes.utf8("a fifth leaf the restored copy lost")).value()));
    Checkpoint witnessed = treeCheckpoint(leaves, 5);

    VerificationReport report = verifyAgainst(ledger, witnessed);

    assertThat(kinds(report)).containsExactly("witnessed-checkpoint-ahead");
    assertThat(report.problems().get(0).toLine())
        .isEqualTo(
            "witnessed-checkpoint-ahead: checkpoint 5: a checkpoint of size 5 (root "
                + Hash.of(witnessed.rootHash()).hex()
                + ") was signed by the log and witnessed, but the stored log has only 4 leaves:"
                + " the database is behind what was witnessed (an older backup restored, or"
                + " leaves deleted)");
  }

  @Test
  void verify_witnessedCheckpointWithAnotherRoot_isAFork() {
    Ledger ledger = new Ledger();
    List<Hash> leaves = new ArrayList<>(ledger.leaves.stream().map(LedgerEntry::leafHash).toList());
    leaves.set(
        3, Hash.of(Digests.sha256(Bytes.utf8("the leaf the witness saw at index 3")).value()));
    Checkpoint witnessed = treeCheckpoint(leaves, 4);
    Hash stored =
        Hash.of(
            treeCheckpoint(ledger.leaves.stream().map(LedgerEntry::leafHash).toList(), 4)
                .rootHash());

    VerificationReport report = verifyAgainst(ledger, witnessed);

    assertThat(kinds(report)).containsExactly("witnessed-checkpoint-fork");
    Problem fork = report.problems().get(0);
    assertThat(fork.treeSize()).isEqualTo(4);
    assertThat(fork.expected()).isEqualTo(Hash.of(witnessed.rootHash()).hex());
    assertThat(fork.found()).isEqualTo(stored.hex()).isNotEqualTo(fork.expected());
    assertThat(report.summary()).startsWith("FAILED: 1 problem; 4 events, 4 leaves, ");
  }
}
