package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.Eligibility;
import org.examledger.statements.RegisterCandidatePayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The first slice, end to end over HTTP against a real application: schedule a session, register a
 * candidate, record scores, read the result sheet from the projection. Subclasses choose the
 * database (PostgreSQL or the embedded default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AbstractSliceIT {

  /** The payload of a session schedule statement (its subject is the sessionId). */
  static final String SESSION_PAYLOAD =
      """
      {"occupation":"CNC lathe operator","level":4,"examType":"REGULAR",
       "passMark":"60","rooms":["R101"],"startsAt":"2026-06-01T01:00:00Z","endsAt":"2026-06-01T04:00:00Z",
       "components":[{"componentId":"theory","name":"Theory paper","maxScore":"50"},
                     {"componentId":"practical","name":"Turning a stepped shaft","maxScore":"50"}]}
      """;

  abstract LedgerNode node();

  long storedEvents() {
    return node().storedEvents();
  }

  static JsonNode json(String text) {
    try {
      return new ObjectMapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String scheduleBody(String sessionId) {
    return TestActors.signed(
        TestActors.ADMIN, StatementTypes.SESSION_SCHEDULE, sessionId, json(SESSION_PAYLOAD));
  }

  static String registerBody(String sessionId, String candidateId) {
    return TestActors.signed(
        TestActors.ADMIN,
        StatementTypes.CANDIDATE_REGISTER,
        sessionId,
        new RegisterCandidatePayload(
                candidateId,
                "R101",
                new Eligibility(
                    "CNC lathe operator level 3 (2023)", "240 h, City Technical College"),
                List.of(
                    DocumentRef.keyed(
                        DocumentType.ID_CARD,
                        "11010519491231" + candidateId,
                        Bytes.utf8("station test secret"))))
            .toJson());
  }

  /** A statement of the generic family, signed by {@code actor}, posted to /api/v1/statements. */
  static Response statement(
      LedgerNode node, StatementSigner actor, String type, String sessionId, String payload) {
    return node.post(
        "/api/v1/statements", TestActors.signed(actor, type, sessionId, json(payload)));
  }

  static void assign(LedgerNode node, String sessionId, String personId, String role) {
    Response r =
        statement(
            node,
            TestActors.ADMIN,
            "exam.staff.assign/v1",
            sessionId,
            "{\"personId\":\"" + personId + "\",\"role\":\"" + role + "\"}");
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /**
   * Brings a scheduled session (rooms: R101) to STARTED, as a station does before any score:
   * examiner-07 and proctor-03 assigned by the administrator, the session opened, the Candidate
   * Notice read in R101 by the proctor, the session started. Registers the proctor's key first.
   */
  static void startSession(LedgerNode node, String sessionId) {
    TestActors.registerStaff(node);
    assign(node, sessionId, TestActors.EXAMINER.actorId(), "EXAMINER");
    assign(node, sessionId, TestActors.PROCTOR.actorId(), "PROCTOR");
    for (Response r :
        List.of(
            statement(node, TestActors.ADMIN, "exam.session.open/v1", sessionId, "{}"),
            statement(
                node,
                TestActors.PROCTOR,
                "exam.proctor.notice-read/v1",
                sessionId,
                "{\"room\":\"R101\"}"),
            statement(node, TestActors.ADMIN, "exam.session.start/v1", sessionId, "{}"))) {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
  }

  static String scoreBody(String sessionId, String candidateId, String component, String score) {
    return TestActors.signed(
        TestActors.EXAMINER,
        StatementTypes.SCORE_RECORD,
        sessionId,
        json(
            "{\"candidateId\":\""
                + candidateId
                + "\",\"componentId\":\""
                + component
                + "\",\"score\":"
                + score
                + "}"));
  }

  private void schedule(String sessionId) {
    Response r = node().post("/api/v1/sessions", scheduleBody(sessionId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private void register(String sessionId, String candidateId) {
    Response r =
        node()
            .post(
                "/api/v1/sessions/" + sessionId + "/candidates",
                registerBody(sessionId, candidateId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private Response score(String sessionId, String candidateId, String component, String score) {
    return node()
        .post(
            "/api/v1/sessions/" + sessionId + "/candidates/" + candidateId + "/scores",
            scoreBody(sessionId, candidateId, component, score));
  }

  @Test
  void scheduledSessionRegisteredCandidateAndRecordedScoresShowOnTheResultSheet() {
    schedule("S-SLICE");
    register("S-SLICE", "C-0001");
    startSession(node(), "S-SLICE");
    assertThat(score("S-SLICE", "C-0001", "theory", "\"31.5\"").status()).isEqualTo(201);
    assertThat(score("S-SLICE", "C-0001", "practical", "\"30\"").status()).isEqualTo(201);

    String sheetPath = "/api/v1/sessions/S-SLICE/candidates/C-0001/result-sheet";
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              Response sheet = node().get(sheetPath);
              assertThat(sheet.status()).isEqualTo(200);
              assertThat(sheet.json().get("total").decimalValue()).isEqualByComparingTo("61.5");
            });
    JsonNode sheet = node().get(sheetPath).json();
    assertThat(sheet.get("outcome").asText()).isEqualTo("PASS");
    assertThat(sheet.get("passMark").decimalValue()).isEqualByComparingTo("60");
    assertThat(sheet.get("components").get(0).get("componentId").asText()).isEqualTo("theory");
    assertThat(sheet.get("components").get(0).get("score").decimalValue())
        .isEqualByComparingTo("31.5");
    assertThat(sheet.get("components").get(0).get("recordedBy").asText()).isEqualTo("examiner-07");
  }

  @Test
  void badRequestsGetProblemDetailsAndStoreNothing() {
    schedule("S-BAD");
    register("S-BAD", "C-0001");
    long registered = storedEvents();
    assertProblem(
        node().post("/api/v1/sessions/S-BAD/candidates", registerBody("S-BAD", "C-0001")),
        409,
        "candidate-already-registered",
        "candidateId");
    assertThat(storedEvents()).isEqualTo(registered);
    startSession(node(), "S-BAD");
    long before = storedEvents();

    assertProblem(
        score("S-BAD", "C-0001", "theory", "\"50.5\""), 400, "score-above-maximum", "score");
    assertProblem(score("S-BAD", "C-0001", "theory", "\"-2\""), 400, "score-negative", "score");
    assertProblem(
        score("S-BAD", "C-0001", "oral", "\"10\""), 400, "unknown-component", "componentId");
    assertProblem(
        score("S-BAD", "C-0404", "theory", "\"10\""),
        404,
        "candidate-not-registered",
        "candidateId");
    assertProblem(
        node()
            .post(
                "/api/v1/sessions/S-NONE/candidates/C-0001/scores",
                scoreBody("S-NONE", "C-0001", "theory", "\"10\"")),
        404,
        "unknown-session",
        "sessionId");
    assertProblem(
        score("S-BAD", "C-0001", "theory", "\"ten\""), 400, "invalid-payload", "payload.score");
    assertProblem(
        score("S-BAD", "C-0001", "theory", "10"), 400, "invalid-payload", "payload.score");
    assertProblem(
        node()
            .post(
                "/api/v1/sessions/S-BAD/candidates/C-0002/scores",
                scoreBody("S-BAD", "C-0001", "theory", "\"10\"")),
        400,
        "url-mismatch",
        "payload.candidateId");
    assertProblem(
        node().post("/api/v1/sessions", scheduleBody("S-BAD")),
        409,
        "session-already-exists",
        "sessionId");
    assertProblem(
        node().post("/api/v1/sessions/S-BAD/candidates", registerBody("S-BAD", "C-0002")),
        409,
        "wrong-session-status",
        "sessionId");
    assertProblem(node().post("/api/v1/sessions", "{not json"), 400, "malformed-json", null);

    assertThat(storedEvents()).isEqualTo(before);
  }

  @Test
  void rawIdentityNumberIsRefusedNamingTheFieldNotTheNumber() {
    long before = storedEvents();
    long admitted = admittedStatements();
    Response inFreeText =
        statement(
            node(),
            TestActors.ADMIN,
            "complaint.file/v1",
            "CPL-PII-0001",
            "{\"respondentId\":\"examiner-07\",\"respondentRole\":\"EXAMINER\","
                + "\"channel\":\"THROUGH_STATION\","
                + "\"summary\":\"candidate with ID card 110105 19491231 002X was turned away\"}");
    assertProblem(inFreeText, 400, "personal-data-in-statement", "payload.summary");
    assertThat(inFreeText.body()).doesNotContain("19491231").doesNotContain("002X");
    Response asSubject =
        statement(node(), TestActors.ADMIN, "exam.session.open/v1", "11010519491231002X", "{}");
    assertProblem(asSubject, 400, "personal-data-in-statement", "subject");
    assertThat(asSubject.body()).doesNotContain("11010519491231002X");
    assertThat(storedEvents()).isEqualTo(before);
    assertThat(admittedStatements()).isEqualTo(admitted);
  }

  long admittedStatements() {
    return JdbcClient.create(node().context().getBean(DataSource.class))
        .sql("SELECT COUNT(*) FROM admitted_statement")
        .query(Long.class)
        .single();
  }

  @Test
  void payloadMembersAreCheckedByName() {
    Response missing =
        node()
            .post(
                "/api/v1/sessions",
                TestActors.signed(
                    TestActors.ADMIN,
                    StatementTypes.SESSION_SCHEDULE,
                    "S-MISSING",
                    json("{\"level\":9}")));
    assertProblem(missing, 400, "invalid-payload", "payload.occupation");
    Response extra =
        node()
            .post(
                "/api/v1/sessions/S-X/candidates",
                TestActors.signed(
                    TestActors.ADMIN,
                    StatementTypes.CANDIDATE_REGISTER,
                    "S-X",
                    json("{\"candidateId\":\"C-1\",\"actor\":\"admin-01\"}")));
    assertProblem(extra, 400, "invalid-payload", "payload.actor");
  }

  @Test
  void eventTableRefusesUpdateDeleteAndTruncate() throws SQLException {
    schedule("S-APPEND-ONLY");
    DataSource dataSource = node().context().getBean(DataSource.class);
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.executeUpdate("UPDATE domain_event_entry SET type = 'forged'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("domain_event_entry is append-only: UPDATE refused");
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM domain_event_entry"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("domain_event_entry is append-only: DELETE refused");
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE domain_event_entry"))
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> s.executeUpdate("DELETE FROM admitted_statement"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("admitted_statement is append-only: DELETE refused");
      assertThatThrownBy(() -> s.executeUpdate("UPDATE admitted_statement SET nonce = 'x'"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("admitted_statement is append-only: UPDATE refused");
      assertThatThrownBy(() -> s.executeUpdate("TRUNCATE TABLE admitted_statement"))
          .isInstanceOf(SQLException.class);
    }
    assertThat(storedEvents()).isPositive();
  }

  static void assertProblem(Response r, int status, String rule, String field) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
    assertThat(r.contentType()).startsWith("application/problem+json");
    JsonNode body = r.json();
    assertThat(body.get("type").asText()).isEqualTo("urn:examledger:problem:" + rule);
    assertThat(body.get("rule").asText()).isEqualTo(rule);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("detail").asText()).isNotBlank();
    if (field != null) {
      assertThat(body.get("field").asText()).as(r.body()).isEqualTo(field);
    }
  }
}
