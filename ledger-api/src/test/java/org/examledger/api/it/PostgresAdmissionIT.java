package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.examledger.api.it.AbstractSliceIT.assertProblem;
import static org.examledger.api.it.AbstractSliceIT.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.KeyId;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.EnvelopeSignature;
import org.examledger.envelope.Envelopes;
import org.examledger.keys.ActorRole;
import org.examledger.statements.RecordScorePayload;
import org.examledger.statements.RevokeKeyPayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Signed admission on the real PostgreSQL: what is admitted is stored with its exact envelope; each
 * way a statement can be wrong is refused with its own rule and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresAdmissionIT {

  private static final String SESSION = "S-ADMIT";
  private static final String SCORES = "/api/v1/sessions/" + SESSION + "/candidates/";

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "admission-it-node");
    TestActors.bootstrap(node);
    assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(SESSION)).status())
        .isEqualTo(201);
    for (String candidate : List.of("C-1", "C-2", "C-3", "C-4", "C-5", "C-6")) {
      assertThat(
              node.post(
                      "/api/v1/sessions/" + SESSION + "/candidates",
                      AbstractSliceIT.registerBody(SESSION, candidate))
                  .status())
          .isEqualTo(201);
    }
    AbstractSliceIT.startSession(node, SESSION);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private static String score(StatementSigner actor, String candidate, String component) {
    return TestActors.signed(
        actor,
        StatementTypes.SCORE_RECORD,
        SESSION,
        new RecordScorePayload(candidate, component, new java.math.BigDecimal("12.5")).toJson());
  }

  private Response post(String candidate, String body) {
    return node.post(SCORES + candidate + "/scores", body);
  }

  /** Rows of every table admission writes to. */
  private long rows() throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT (SELECT COUNT(*) FROM domain_event_entry)"
                        + " + (SELECT COUNT(*) FROM admitted_statement)"
                        + " + (SELECT COUNT(*) FROM registry_key)")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private JsonNode storedEvent(String eventId) throws Exception {
    try (Connection c = db.connect();
        var ps =
            c.prepareStatement(
                "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
      ps.setString(1, eventId);
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return new ObjectMapper().readTree(new String(rs.getBytes(1), StandardCharsets.UTF_8));
      }
    }
  }

  private void assertRefused(Response r, int status, String rule, long rowsBefore)
      throws SQLException {
    assertProblem(r, status, rule, null);
    assertThat(rows()).as("rows after refusal " + rule).isEqualTo(rowsBefore);
  }

  @Test
  void signedWriteIsStoredWithItsExactEnvelopeActorAndSubmitter() throws Exception {
    String body = score(TestActors.EXAMINER, "C-1", "theory");
    Response r = post("C-1", body);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("signed").asBoolean()).isTrue();
    JsonNode provenance = storedEvent(r.json().get("eventId").asText()).get("provenance");
    assertThat(provenance.get("envelope").asText()).isEqualTo(body);
    assertThat(provenance.get("actorId").asText()).isEqualTo("examiner-07");
    // signed by examiner-07 and delivered by the account bound to examiner-07
    assertThat(provenance.get("submitterId").asText()).isEqualTo("examiner-07");
    Envelopes.verify(
        Envelope.parse(provenance.get("envelope").asText()),
        org.examledger.envelope.KeyResolver.of(
            List.of(
                org.examledger.crypto.Verifiers.forKey(
                    TestActors.EXAMINER.signer().publicKey(), null))));
  }

  @Test
  void replayedStatementIsRefusedWith409AndChangesNothing() throws Exception {
    String body = score(TestActors.EXAMINER, "C-2", "theory");
    assertThat(post("C-2", body).status()).isEqualTo(201);
    long before = rows();
    assertRefused(post("C-2", body), 409, "statement-replayed", before);

    // the same nonce in a different statement is a replay too
    Envelope first = Envelope.parse(body);
    String nonce = org.examledger.envelope.Statement.fromCanonical(first.payload()).nonce();
    String sameNonce =
        TestActors.EXAMINER
            .sign(
                StatementTypes.SCORE_RECORD,
                SESSION,
                new RecordScorePayload("C-2", "practical", new java.math.BigDecimal("3")).toJson(),
                Instant.now(),
                nonce)
            .toJson();
    assertRefused(post("C-2", sameNonce), 409, "statement-replayed", before);
  }

  @Test
  void forgedUnknownWrongActorAndSkewedStatementsAreEachRefused() throws Exception {
    long before = rows();

    Envelope good = Envelope.parse(score(TestActors.EXAMINER, "C-3", "theory"));
    byte[] sig = good.signatures().get(0).sig().toByteArray();
    sig[10] ^= 0x01;
    String forged =
        new Envelope(
                good.payloadType(),
                good.payload(),
                List.of(new EnvelopeSignature(good.signatures().get(0).keyId(), Bytes.of(sig))))
            .toJson();
    assertRefused(post("C-3", forged), 403, "bad-signature", before);

    StatementSigner stranger = TestActors.ed25519("examiner-07", "not registered");
    assertRefused(post("C-3", score(stranger, "C-3", "theory")), 403, "unknown-key", before);

    StatementSigner impostor = TestActors.ed25519("examiner-99", "examiner-07");
    assertRefused(post("C-3", score(impostor, "C-3", "theory")), 403, "actor-key-mismatch", before);

    String skewed =
        TestActors.EXAMINER
            .sign(
                StatementTypes.SCORE_RECORD,
                SESSION,
                new RecordScorePayload("C-3", "theory", java.math.BigDecimal.ONE).toJson(),
                Instant.now().minusSeconds(600),
                TestActors.nonce())
            .toJson();
    assertRefused(post("C-3", skewed), 400, "clock-skew", before);
  }

  @Test
  void malformedEnvelopesAreEachRefusedWithTheirRule() throws Exception {
    long before = rows();
    Envelope good = Envelope.parse(score(TestActors.EXAMINER, "C-3", "practical"));
    String goodJson = good.toJson();

    assertRefused(post("C-3", "{\"payloadType\":\"x\"}"), 400, "malformed-envelope", before);
    assertRefused(
        post("C-3", goodJson.replace("\"payload\":\"", "\"payload\":\"!")),
        400,
        "bad-base64",
        before);
    assertRefused(
        post("C-3", new Envelope("application/json", good.payload(), good.signatures()).toJson()),
        400,
        "wrong-payload-type",
        before);

    // correctly signed, but the payload is not the statement's canonical form
    Bytes spaced = Bytes.utf8(good.payload().utf8String().replaceFirst("\\{", "{ "));
    Bytes signature =
        TestActors.EXAMINER.signer().sign(Envelope.pae(Envelopes.PAYLOAD_TYPE, spaced));
    KeyId keyId = TestActors.EXAMINER.signer().publicKey().keyId();
    String notCanonical =
        new Envelope(
                Envelopes.PAYLOAD_TYPE, spaced, List.of(new EnvelopeSignature(keyId, signature)))
            .toJson();
    assertRefused(post("C-3", notCanonical), 400, "statement-not-canonical", before);

    // a valid statement of another type at the scores endpoint
    assertRefused(
        post("C-3", AbstractSliceIT.registerBody(SESSION, "C-9")),
        400,
        "wrong-statement-type",
        before);
  }

  @Test
  void revokedAndNotYetValidKeysAreRefused() throws Exception {
    StatementSigner leaving = TestActors.ed25519("examiner-21");
    TestActors.register(node, leaving, ActorRole.EXAMINER);
    AbstractSliceIT.assign(node, SESSION, "examiner-21", "EXAMINER");
    assertThat(post("C-4", score(leaving, "C-4", "theory")).status()).isEqualTo(201);
    Response revoke =
        node.post(
            "/api/v1/statements",
            TestActors.signed(
                TestActors.ADMIN,
                StatementTypes.KEYS_REVOKE,
                TestActors.keyId(leaving),
                new RevokeKeyPayload(Instant.now(), "left the station").toJson()));
    assertThat(revoke.status()).as(revoke.body()).isEqualTo(201);
    assertThat(node.get("/api/v1/keys/" + TestActors.keyId(leaving)).json().get("revokedAt"))
        .isNotNull();

    Instant revoked =
        Instant.parse(
            node.get("/api/v1/keys/" + TestActors.keyId(leaving)).json().get("revokedAt").asText());
    long before = rows();
    assertRefused(post("C-4", score(leaving, "C-4", "practical")), 403, "key-revoked", before);

    // rotation: a new key for the same actor, registered by the administrator, signs from now on
    StatementSigner rotated = TestActors.ed25519("examiner-21", "examiner-21 second key");
    TestActors.register(node, rotated, ActorRole.EXAMINER);
    Response afterRotation = post("C-4", score(rotated, "C-4", "practical"));
    assertThat(afterRotation.status()).as(afterRotation.body()).isEqualTo(201);
    org.examledger.api.admission.KeyRegistryView registry =
        node.context().getBean(org.examledger.api.admission.KeyRegistryView.class);
    assertThat(registry.validFor("examiner-21", Instant.now()))
        .extracting(org.examledger.api.admission.RegisteredKey::keyId)
        .containsExactly(TestActors.keyId(rotated));
    assertThat(registry.validFor("examiner-21", revoked.minusMillis(1)))
        .extracting(org.examledger.api.admission.RegisteredKey::keyId)
        .contains(TestActors.keyId(leaving));

    StatementSigner future = TestActors.ed25519("examiner-22");
    Response r =
        node.post(
            "/api/v1/statements",
            TestActors.registerKeyBody(
                TestActors.ADMIN, future, ActorRole.EXAMINER, Instant.now().plusSeconds(3600)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    long afterRegistration = rows();
    assertRefused(
        post("C-4", score(future, "C-4", "theory")), 403, "key-not-yet-valid", afterRegistration);
  }

  @Test
  void keyRegistryStatementsNeedAnAdministratorAndOneGenesis() throws Exception {
    long before = rows();
    StatementSigner newcomer = TestActors.ed25519("examiner-30");
    assertRefused(
        node.post(
            "/api/v1/statements",
            TestActors.registerKeyBody(
                TestActors.EXAMINER, newcomer, ActorRole.EXAMINER, Instant.now())),
        403,
        "signer-not-admin",
        before);
    StatementSigner secondAdmin = TestActors.ed25519("admin-02");
    assertRefused(
        node.post(
            "/api/v1/statements",
            TestActors.registerKeyBody(
                secondAdmin, secondAdmin, ActorRole.STATION_ADMIN, Instant.now())),
        409,
        "registry-not-empty",
        before);
  }

  @Test
  void unsignedScoreIsAcceptedMarkedUnsignedAndCountersignedButOtherTypesMustBeSigned()
      throws Exception {
    String unsigned =
        "{\"statement\":{\"v\":1,\"type\":\"exam.score.record/v1\",\"subject\":\""
            + SESSION
            + "\",\"payload\":{\"candidateId\":\"C-5\",\"componentId\":\"theory\","
            + "\"score\":\"40\"},\"actor\":\"examiner-07\",\"issuedAt\":\""
            + Instant.now()
            + "\",\"nonce\":\""
            + TestActors.nonce()
            + "\"}}";
    Response r = post("C-5", unsigned);
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    assertThat(r.json().get("signed").asBoolean()).isFalse();
    String eventId = r.json().get("eventId").asText();
    JsonNode provenance = storedEvent(eventId).get("provenance");
    assertThat(provenance.get("envelope").isNull()).isTrue();
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT signed FROM admitted_statement WHERE statement_hash = '"
                        + r.json().get("statementHash").asText()
                        + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getBoolean(1)).isFalse();
    }

    long before = rows();
    String unsignedSchedule =
        "{\"statement\":{\"v\":1,\"type\":\"exam.session.schedule/v1\",\"subject\":\"S-U\","
            + "\"payload\":"
            + json(AbstractSliceIT.SESSION_PAYLOAD)
            + ",\"actor\":\"admin-01\",\"issuedAt\":\""
            + Instant.now()
            + "\",\"nonce\":\"u-1\"}}";
    assertRefused(
        node.post("/api/v1/sessions", unsignedSchedule), 403, "unsigned-not-allowed", before);

    String wrongScore = countersignature(TestActors.EXAMINER, eventId, "41");
    assertRefused(post("C-5", wrongScore), 400, "countersign-mismatch", before);
    StatementSigner other = TestActors.ed25519("examiner-11");
    TestActors.register(node, other, ActorRole.EXAMINER);
    AbstractSliceIT.assign(node, SESSION, "examiner-11", "EXAMINER");
    long withOther = rows();
    assertRefused(
        post("C-5", countersignature(other, eventId, "40")),
        400,
        "countersign-wrong-actor",
        withOther);

    Response countersigned = post("C-5", countersignature(TestActors.EXAMINER, eventId, "40"));
    assertThat(countersigned.status()).as(countersigned.body()).isEqualTo(201);
    assertThat(countersigned.json().get("countersignedEventId").asText()).isEqualTo(eventId);
    org.awaitility.Awaitility.await()
        .atMost(java.time.Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(
                        node.get(SCORES + "C-5/result-sheet")
                            .json()
                            .get("components")
                            .get(0)
                            .get("signed")
                            .asBoolean())
                    .isTrue());
    long after = rows();
    assertRefused(
        post("C-5", countersignature(TestActors.EXAMINER, eventId, "40")),
        404,
        "unknown-unsigned-entry",
        after);
  }

  private static String countersignature(StatementSigner examiner, String eventId, String score) {
    return TestActors.signed(
        examiner,
        StatementTypes.SCORE_COUNTERSIGN,
        SESSION,
        json(
            "{\"eventId\":\""
                + eventId
                + "\",\"candidateId\":\"C-5\",\"componentId\":\"theory\","
                + "\"score\":\""
                + score
                + "\"}"));
  }

  @Test
  void sm2SignedStatementIsAcceptedOnceItsKeyIsRegistered() throws Exception {
    StatementSigner sm2 = TestActors.sm2("examiner-sm2");
    long before = rows();
    assertRefused(post("C-1", score(sm2, "C-1", "practical")), 403, "unknown-key", before);
    TestActors.register(node, sm2, ActorRole.EXAMINER);
    AbstractSliceIT.assign(node, SESSION, "examiner-sm2", "EXAMINER");
    assertThat(node.get("/api/v1/keys/" + TestActors.keyId(sm2)).json().get("algorithm").asText())
        .isEqualTo("SM2_SM3");
    Response r = post("C-1", score(sm2, "C-1", "practical"));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  @Test
  void replayRacingPastTheEarlyCheckIsCaughtByTheUniqueKeyInTheEventTransaction() throws Exception {
    org.examledger.api.admission.Admission admission =
        node.context().getBean(org.examledger.api.admission.Admission.class);
    org.examledger.api.admission.StatementDispatcher dispatcher =
        node.context().getBean(org.examledger.api.admission.StatementDispatcher.class);
    // admitted twice before either is stored: both pass the early SELECT, as two racing nodes would
    String body = score(TestActors.EXAMINER, "C-6", "theory");
    var first = admission.admit(body, java.util.Set.of(StatementTypes.SCORE_RECORD));
    var second = admission.admit(body, java.util.Set.of(StatementTypes.SCORE_RECORD));
    dispatcher.dispatch(first, "race-1");
    long before = rows();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> dispatcher.dispatch(second, "race-2"))
        .isInstanceOf(org.examledger.api.admission.AdmissionRefused.class)
        .extracting(e -> ((org.examledger.api.admission.AdmissionRefused) e).rule())
        .isEqualTo("statement-replayed");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void commandWithoutAnAdmittedStatementIsRefused() throws Exception {
    org.axonframework.commandhandling.gateway.CommandGateway gateway =
        node.context().getBean(org.axonframework.commandhandling.gateway.CommandGateway.class);
    long before = rows();
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                gateway.sendAndWait(
                    new org.examledger.exam.RegisterCandidateCommand(
                        SESSION,
                        "C-BYPASS",
                        "R101",
                        new org.examledger.exam.Eligibility("q", "t"),
                        List.of(),
                        new org.examledger.exam.Provenance(
                            "admin-01", "nobody", Instant.now(), null))))
        .hasMessageContaining("carries no admitted statement; every write must pass admission");
    assertThat(rows()).isEqualTo(before);
  }
}
