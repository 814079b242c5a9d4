package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.Cosignature;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.ledger.LeafEncoding;
import org.examledger.merkle.Hash;
import org.examledger.merkle.Rfc6962;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The sealed ledger seen from outside: after writes over the (unsigned) HTTP API, every event has
 * one leaf, proofs fetched over HTTP verify against signed checkpoints, and a witness's cosignature
 * goes in and comes back out with the checkpoint. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractLogIT {

  static final String WITNESS_NAME = "centre.examledger.test/witness";

  /** The witness's key from a fixed seed: tests are reproducible. */
  static final Signer WITNESS = Signers.ed25519FromSeed(Bytes.fromHex("57".repeat(32)));

  static final NoteVerifierKey WITNESS_KEY =
      NoteVerifierKey.cosignatureV1(WITNESS_NAME, WITNESS.publicKey());

  /** A fixed cosignature time (POSIX seconds), as a witness's clock would give. */
  static final long COSIGNED_AT = 1_780_000_000L;

  private static final Duration GENEROUS = Duration.ofSeconds(30);

  private int sessions;

  abstract LedgerNode node();

  /** Settings every subclass passes: the witness this log accepts. */
  static Map<String, String> logSettings() {
    Map<String, String> settings = new HashMap<>();
    settings.put("ledger.log.witnesses[0]", WITNESS_KEY.toString());
    return settings;
  }

  LogAuditor auditor() {
    return new LogAuditor(node(), node().context().getBean(DataSource.class));
  }

  /**
   * Schedules a session and registers candidates: 1 + candidates events (and, the first time on a
   * database, the administrator's genesis key registration before them).
   */
  String writeSession(int candidates) {
    String sessionId = "S-LOG-" + (++sessions);
    TestActors.ensureAdmin(node());
    Response r = node().post("/api/v1/sessions", AbstractSliceIT.scheduleBody(sessionId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    for (int i = 1; i <= candidates; i++) {
      r =
          node()
              .post(
                  "/api/v1/sessions/" + sessionId + "/candidates",
                  AbstractSliceIT.registerBody(sessionId, "C-" + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    return sessionId;
  }

  void awaitAllSequenced() {
    await().atMost(GENEROUS).until(() -> auditor().everyEventHasALeaf());
  }

  @Test
  void everyEventHasOneLeafAndItsProofVerifiesAgainstTheSignedCheckpoint() {
    writeSession(4);
    writeSession(2);
    awaitAllSequenced();
    LogAuditor auditor = auditor();
    auditor.assertEveryEventHasExactlyOneContiguousLeaf();
    for (String eventIdentifier : auditor.eventIdentifiers()) {
      auditor.verifyInclusion(eventIdentifier);
    }
  }

  @Test
  void acceptedEventAppearsInASignedCheckpointWithinAboutASecond() {
    writeSession(0);
    long stored = auditor().storedEvents();
    // The publisher signs at most every second on its own; nothing here asks it to.
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> auditor().latestCheckpoint().size() >= stored);
  }

  @Test
  void consistencyProofBetweenTwoCheckpointsVerifies() {
    writeSession(1);
    awaitAllSequenced();
    Checkpoint older = awaitCheckpointCovering(auditor().storedEvents());
    writeSession(3);
    awaitAllSequenced();
    Checkpoint newer = awaitCheckpointCovering(auditor().storedEvents());
    assertThat(newer.size()).isGreaterThan(older.size());
    auditor().verifyConsistency(older, newer);
  }

  @Test
  void entriesCarryLeafInputsThatHashToTheirLeaves() {
    writeSession(2);
    awaitAllSequenced();
    LogAuditor auditor = auditor();
    Response r = node().get("/api/v1/log/entries?start=0&end=3");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    JsonNode entries = r.json().get("entries");
    assertThat(entries).hasSize(3);
    for (int i = 0; i < 3; i++) {
      JsonNode entry = entries.get(i);
      assertThat(entry.get("leafIndex").asLong()).isEqualTo(i);
      Bytes input = Bytes.fromBase64(entry.get("leafInput").asText());
      assertThat(Rfc6962.leafHash(input))
          .isEqualTo(Hash.fromBase64(entry.get("leafHash").asText()));
      assertThat(input)
          .isEqualTo(
              LeafEncoding.leafInput(auditor.storedEvent(entry.get("eventIdentifier").asText())));
    }
  }

  @Test
  void aggregateEntriesAreOneSessionsLeavesInLeafOrder() {
    String other = writeSession(1);
    String sessionId = writeSession(2);
    awaitAllSequenced();
    Response r = node().get("/api/v1/log/aggregates/" + sessionId + "/entries");
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.json().get("next").isNull()).isTrue();
    JsonNode entries = r.json().get("entries");
    assertThat(entries).hasSize(3);
    long previous = -1;
    for (int i = 0; i < 3; i++) {
      JsonNode entry = entries.get(i);
      assertThat(entry.get("leafIndex").asLong()).isGreaterThan(previous);
      previous = entry.get("leafIndex").asLong();
      Bytes input = Bytes.fromBase64(entry.get("leafInput").asText());
      assertThat(Rfc6962.leafHash(input))
          .isEqualTo(Hash.fromBase64(entry.get("leafHash").asText()));
      JsonNode leaf = AbstractSliceIT.json(input.utf8String());
      assertThat(leaf.get("aggregateId").asText()).isEqualTo(sessionId);
      assertThat(leaf.get("sequenceNumber").asText()).isEqualTo(Integer.toString(i));
    }
    Response later =
        node().get("/api/v1/log/aggregates/" + sessionId + "/entries?start=" + (previous + 1));
    assertThat(later.json().get("entries")).isEmpty();
    assertThat(node().get("/api/v1/log/aggregates/" + other + "/entries").json().get("entries"))
        .hasSize(2);
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/aggregates/" + sessionId + "/entries?start=-1"),
        400,
        "invalid-range",
        "start");
  }

  @Test
  void witnessCosignatureIsAcceptedAndServedWithTheCheckpoint() {
    writeSession(1);
    awaitAllSequenced();
    Checkpoint checkpoint = awaitCheckpointCovering(auditor().storedEvents());
    String path = "/api/v1/log/checkpoints/" + checkpoint.size();
    SignedNote signed = SignedNote.parse(node().get(path).body());
    NoteSigner witness = Cosignature.signer(WITNESS_NAME, WITNESS, COSIGNED_AT);
    SignedNote cosigned = signed.addSignature(witness);

    Response r = node().post("/api/v1/log/add-checkpoint", cosigned.toString());
    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.body()).isEqualTo(cosigned.signatures().get(1).toLine() + "\n");

    SignedNote served = SignedNote.parse(node().get(path).body());
    WitnessPolicy policy = new WitnessPolicy(auditor().logKey(), List.of(WITNESS_KEY), 1);
    assertThat(policy.verify(served)).isEqualTo(checkpoint);
    // posting again keeps the first cosignature and changes nothing
    assertThat(node().post("/api/v1/log/add-checkpoint", cosigned.toString()).status())
        .isEqualTo(200);
    assertThat(node().get(path).body()).isEqualTo(served.toString());
  }

  @Test
  void badWitnessPostsAreRefusedWithDistinctRules() {
    writeSession(0);
    awaitAllSequenced();
    Checkpoint checkpoint = awaitCheckpointCovering(auditor().storedEvents());
    SignedNote signed =
        SignedNote.parse(node().get("/api/v1/log/checkpoints/" + checkpoint.size()).body());
    NoteSigner witness = Cosignature.signer(WITNESS_NAME, WITNESS, COSIGNED_AT);

    AbstractSliceIT.assertProblem(
        node().post("/api/v1/log/add-checkpoint", "not a note"), 400, "malformed-checkpoint", null);

    Signer stranger = Signers.ed25519FromSeed(Bytes.fromHex("58".repeat(32)));
    SignedNote byStranger =
        signed.addSignature(Cosignature.signer("stranger.test", stranger, COSIGNED_AT));
    AbstractSliceIT.assertProblem(
        node().post("/api/v1/log/add-checkpoint", byStranger.toString()),
        403,
        "unknown-witness",
        null);

    String good = signed.addSignature(witness).toString();
    String lastLine = good.substring(good.lastIndexOf("\u2014 "), good.length() - 1);
    String sig = lastLine.substring(lastLine.lastIndexOf(' ') + 1);
    byte[] raw = Bytes.fromBase64(sig).toByteArray();
    raw[raw.length - 1] ^= 1;
    String forged = good.replace(sig, Bytes.of(raw).base64());
    AbstractSliceIT.assertProblem(
        node().post("/api/v1/log/add-checkpoint", forged), 403, "invalid-cosignature", null);

    Checkpoint otherRoot =
        new Checkpoint(checkpoint.origin(), checkpoint.size(), Bytes.of(new byte[32]), List.of());
    SignedNote fork = SignedNote.sign(otherRoot.toNoteText(), witness);
    AbstractSliceIT.assertProblem(
        node().post("/api/v1/log/add-checkpoint", fork.toString()),
        409,
        "checkpoint-mismatch",
        null);

    Checkpoint future =
        new Checkpoint(checkpoint.origin(), 1_000_000, Bytes.of(new byte[32]), List.of());
    AbstractSliceIT.assertProblem(
        node()
            .post(
                "/api/v1/log/add-checkpoint",
                SignedNote.sign(future.toNoteText(), witness).toString()),
        404,
        "unknown-checkpoint",
        null);

    Checkpoint otherLog =
        new Checkpoint("other.test/log", checkpoint.size(), checkpoint.rootHash(), List.of());
    AbstractSliceIT.assertProblem(
        node()
            .post(
                "/api/v1/log/add-checkpoint",
                SignedNote.sign(otherLog.toNoteText(), witness).toString()),
        404,
        "unknown-log",
        null);
  }

  @Test
  void badProofRequestsAreRefusedWithDistinctRules() {
    writeSession(0);
    awaitAllSequenced();
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/events/no-such-event/proof"),
        404,
        "leaf-not-found",
        "eventIdentifier");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/leaves/999999/proof"), 404, "leaf-not-found", "leafIndex");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/leaves/0/proof?treeSize=999999"),
        404,
        "unknown-checkpoint",
        "treeSize");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/leaves/0/proof?treeSize=abc"),
        400,
        "invalid-parameter",
        "treeSize");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/consistency?from=0&to=1"), 400, "invalid-range", "from");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/consistency?from=1&to=999999"), 400, "invalid-range", "to");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/consistency?to=1"), 400, "invalid-parameter", "from");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/entries?start=5&end=2"), 400, "invalid-range", "end");
    AbstractSliceIT.assertProblem(
        node().get("/api/v1/log/checkpoints/999999"), 404, "unknown-checkpoint", "treeSize");
  }

  @Test
  void openApiDocumentOfTheLogIsServed() {
    Response r = node().get("/openapi/log.yaml");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).startsWith("openapi: 3.0.3").contains("/api/v1/log/add-checkpoint:");
  }

  @Test
  void leafByIndexHasTheSameProofAsByEvent() {
    writeSession(1);
    awaitAllSequenced();
    Checkpoint checkpoint = awaitCheckpointCovering(auditor().storedEvents());
    String eventIdentifier = auditor().eventIdentifiers().get(0);
    Response byEvent =
        node()
            .get("/api/v1/log/events/" + eventIdentifier + "/proof?treeSize=" + checkpoint.size());
    long leafIndex = byEvent.json().get("leafIndex").asLong();
    Response byIndex =
        node().get("/api/v1/log/leaves/" + leafIndex + "/proof?treeSize=" + checkpoint.size());
    assertThat(byIndex.status()).as(byIndex.body()).isEqualTo(200);
    assertThat(byIndex.json().get("proof")).isEqualTo(byEvent.json().get("proof"));
    assertThat(byIndex.json().get("eventIdentifier").asText()).isEqualTo(eventIdentifier);
  }

  @Test
  void logTablesRefuseUpdateAndDelete() throws SQLException {
    writeSession(0);
    awaitAllSequenced();
    awaitCheckpointCovering(1);
    DataSource dataSource = node().context().getBean(DataSource.class);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE ledger_leaf SET global_index = 0"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ledger_leaf is append-only: UPDATE refused");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM ledger_merkle_node"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ledger_merkle_node is append-only: DELETE refused");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE ledger_checkpoint SET note = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("ledger_checkpoint is append-only: UPDATE refused");
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE ledger_leaf"))
          .isInstanceOf(SQLException.class);
    }
  }

  /** Waits (generously) for a signed checkpoint of at least {@code size} leaves. */
  Checkpoint awaitCheckpointCovering(long size) {
    AtomicReference<Checkpoint> found = new AtomicReference<>();
    await()
        .atMost(GENEROUS)
        .until(
            () -> {
              found.set(auditor().latestCheckpoint());
              return found.get().size() >= size;
            });
    return found.get();
  }
}
