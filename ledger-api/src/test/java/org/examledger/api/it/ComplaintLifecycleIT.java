package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.examledger.api.it.AbstractSliceIT.assertProblem;
import static org.examledger.api.it.AbstractSliceIT.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.keys.ActorRole;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.statements.StatementSigner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A complaint from filing to reinstatement on PostgreSQL, over HTTP with real signatures, across an
 * application restart in the middle of the suspension: the period end, a persistent db-scheduler
 * deadline set by the first application, fires in the second. The suspended examiner cannot be
 * assigned until both approvals are in; what they sign meanwhile is kept as evidence only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintLifecycleIT {

  /** Long enough for the steps before the restart, short enough to wait for. */
  private static final Duration PERIOD = Duration.ofSeconds(30);

  private static final String CASE = "CPL-IT-1";
  private static final String SESSION = "S-CPL-1";
  private static final String NEXT_SESSION = "S-CPL-2";
  private static final String CANDIDATE = "C-0001";

  private static final StatementSigner CLERK = TestActors.ed25519("clerk-02");
  private static final StatementSigner INVESTIGATOR = TestActors.ed25519("supervisor-01");
  private static final StatementSigner CENTRE = TestActors.ed25519("supervisor-02");
  private static final StatementSigner EXAMINER = TestActors.EXAMINER;
  private static final StatementSigner ADMIN = TestActors.ADMIN;

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = startNode("complaint-it-a");
    TestActors.bootstrap(node);
    TestActors.registerStaff(node);
    TestActors.register(node, CLERK, ActorRole.CLERK);
    TestActors.register(node, INVESTIGATOR, ActorRole.SUPERVISOR);
    TestActors.register(node, CENTRE, ActorRole.SUPERVISOR);
    for (String session : List.of(SESSION, NEXT_SESSION)) {
      ok(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(session)), 201);
    }
    ok(
        node.post(
            "/api/v1/sessions/" + SESSION + "/candidates",
            AbstractSliceIT.registerBody(SESSION, CANDIDATE)),
        201);
    AbstractSliceIT.startSession(node, SESSION);
    ok(node.post(scores(), AbstractSliceIT.scoreBody(SESSION, CANDIDATE, "theory", "\"41\"")), 201);
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

  private LedgerNode startNode(String nodeId) {
    return LedgerNode.start(
        Map.of(
            "spring.datasource.url", db.url(),
            "spring.datasource.username", db.user(),
            "spring.datasource.password", "",
            "ledger.node-id", nodeId,
            "ledger.complaints.suspension-period", PERIOD.toString()));
  }

  @Test
  void complaintRunsFromFilingToReinstatementAcrossARestart() throws Exception {
    // Filing: only station staff record a complaint received through the station.
    long before = events();
    assertProblem(
        complaint(EXAMINER, "complaint.file/v1", filing()), 403, "filer-not-permitted", "actor");
    assertThat(events()).isEqualTo(before);
    ok(complaint(CLERK, "complaint.file/v1", filing()), 201);
    assertProblem(
        complaint(CLERK, "complaint.file/v1", filing()),
        409,
        "complaint-already-exists",
        "subject");

    // Investigation.
    ok(
        complaint(
            INVESTIGATOR,
            "complaint.investigator.assign/v1",
            "{\"investigatorId\":\"supervisor-01\"}"),
        201);
    ok(
        complaint(
            INVESTIGATOR,
            "complaint.evidence.link/v1",
            "{\"kind\":\"DOCUMENT\",\"reference\":\""
                + "ab".repeat(32)
                + "\",\"description\":\"the paper script, scanned\"}"),
        201);
    assertProblem(
        complaint(CENTRE, "complaint.decide/v1", "{\"outcome\":\"VERIFIED\",\"reasons\":\"x\"}"),
        403,
        "not-the-investigator",
        "actor");

    // Decision: verified, so the examiner is suspended from now for PERIOD.
    ok(
        complaint(
            INVESTIGATOR,
            "complaint.decide/v1",
            "{\"outcome\":\"VERIFIED\",\"reasons\":\"score lowered without a marking note\"}"),
        201);
    Instant decided = Instant.now();
    assertProblem(
        complaint(
            INVESTIGATOR, "complaint.decide/v1", "{\"outcome\":\"DISMISSED\",\"reasons\":\"x\"}"),
        409,
        "complaint-already-decided",
        "outcome");
    assertThat(scheduledDeadlines()).as("the period end is a persistent deadline").isEqualTo(1);

    // While suspended: no assignment; what the examiner signs is evidence only.
    assertProblem(assignExaminer(), 409, "examiner-suspended", "personId");
    Response late =
        node.post(scores(), AbstractSliceIT.scoreBody(SESSION, CANDIDATE, "practical", "\"49\""));
    assertThat(late.status()).as(late.body()).isEqualTo(202);
    assertThat(late.json().get("effect").asText()).isEqualTo("EVIDENCE_ONLY");
    assertProblem(approve(ADMIN, "STATION"), 409, "suspension-period-not-over", "level");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode history = history();
              assertThat(history.get("standing").asText()).isEqualTo("SUSPENDED");
              assertThat(history.get("statementsWhileSuspended")).hasSize(1);
            });
    JsonNode sheet =
        node.get("/api/v1/sessions/" + SESSION + "/candidates/" + CANDIDATE + "/result-sheet")
            .json();
    assertThat(sheet.toString()).doesNotContain("\"49");
    assertThat(Instant.now())
        .as("the steps before the restart must end before the period does")
        .isBefore(decided.plus(PERIOD).minusSeconds(5));
    assertThat(periodEndedEvents()).isZero();
    JsonNode eligibility =
        node.get("/api/v1/flags?session=" + SESSION + "&rule=actor-not-eligible").json();
    assertThat(eligibility.get("flags")).hasSize(1);
    assertThat(eligibility.at("/flags/0/flag/status").asText()).isEqualTo("RAISED");
    assertThat(eligibility.at("/flags/0/flag/subject/personId").asText()).isEqualTo("examiner-07");

    // Restart in the middle of the suspension; the period end fires in the new application.
    node.close();
    node = startNode("complaint-it-b");
    await()
        .atMost(PERIOD.plusSeconds(30))
        .pollInterval(Duration.ofMillis(500))
        .until(() -> periodEndedEvents() == 1);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> history().get("standing").asText().equals("AWAITING_REINSTATEMENT"));
    assertProblem(assignExaminer(), 409, "examiner-suspended", "personId");

    // Return: self-criticism, then the station, then the upper level, in that order.
    assertProblem(approve(ADMIN, "STATION"), 409, "self-criticism-missing", "level");
    ok(
        complaint(
            EXAMINER,
            "complaint.self-criticism.submit/v1",
            "{\"documentSha256\":\""
                + "cd".repeat(32)
                + "\",\"summary\":\"I lowered a score without a marking note\"}"),
        201);
    assertProblem(approve(CENTRE, "UPPER_LEVEL"), 409, "approval-out-of-order", "level");
    assertProblem(approve(INVESTIGATOR, "STATION"), 403, "approver-not-permitted", "actor");
    ok(approve(ADMIN, "STATION"), 201);
    assertProblem(assignExaminer(), 409, "examiner-suspended", "personId");
    ok(approve(CENTRE, "UPPER_LEVEL"), 201);
    ok(assignExaminer(), 201);

    // The supervisors' views.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode detail = node.get("/api/v1/complaints/" + CASE).json();
              List<String> steps = new ArrayList<>();
              detail.get("steps").forEach(s -> steps.add(s.get("step").asText()));
              assertThat(steps)
                  .containsExactly(
                      "FILED",
                      "INVESTIGATOR_ASSIGNED",
                      "EVIDENCE_LINKED",
                      "DECIDED",
                      "SUSPENDED",
                      "PERIOD_ENDED",
                      "SELF_CRITICISM",
                      "STATION_APPROVED",
                      "UPPER_LEVEL_APPROVED",
                      "REINSTATED");
              assertThat(detail.at("/complaint/sanction/status").asText()).isEqualTo("REINSTATED");
              assertThat(detail.at("/steps/5/actorId").asText()).isEqualTo("ledger");
              assertThat(detail.at("/steps/5/signed").asBoolean()).isFalse();
              assertThat(history().get("standing").asText()).isEqualTo("ACTIVE");
            });
    int year = ComplaintCaseProjection.stationYear(Instant.now());
    JsonNode stats = node.get("/api/v1/complaints/statistics?year=" + year).json();
    // The other test may have filed an open complaint about a proctor this year too.
    assertThat(stats.get("verified").asLong()).isEqualTo(1);
    assertThat(stats.get("examinersWithVerifiedComplaints").asLong()).isEqualTo(1);
    assertThat(stats.at("/examiners/0/personId").asText()).isEqualTo("examiner-07");
    assertThat(stats.at("/examiners/0/candidatesMarked").asLong()).isEqualTo(1);
    assertThat(stats.at("/examiners/0/complaintsPer100Candidates").decimalValue())
        .isEqualByComparingTo("100");

    // Every event, the ledger's own period end included, is sealed in the log.
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> count("SELECT COUNT(*) FROM ledger_leaf") == events());
  }

  @Test
  void openCasesShowTheirAge() {
    String id = "CPL-IT-OPEN";
    Response filed =
        node.post(
            "/api/v1/statements",
            TestActors.signed(
                CENTRE,
                "complaint.file/v1",
                id,
                json(
                    "{\"respondentId\":\"proctor-03\",\"respondentRole\":\"PROCTOR\","
                        + "\"channel\":\"DIRECT_TO_CENTRE\","
                        + "\"summary\":\"phones allowed on desks\"}")));
    ok(filed, 201);
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              JsonNode open = node.get("/api/v1/complaints").json();
              JsonNode row = null;
              for (JsonNode r : open) {
                if (r.get("complaintId").asText().equals(id)) {
                  row = r;
                }
              }
              assertThat(row).as(open.toString()).isNotNull();
              assertThat(row.get("status").asText()).isEqualTo("RECEIVED");
              assertThat(row.get("ageDays").asLong()).isZero();
            });
    assertProblem(node.get("/api/v1/complaints/CPL-NOPE"), 404, "unknown-complaint", null);
    assertProblem(node.get("/api/v1/complaints/statistics?year=1800"), 400, "invalid-year", "year");
  }

  private static String filing() {
    return "{\"respondentId\":\"examiner-07\",\"respondentRole\":\"EXAMINER\",\"sessionId\":\""
        + SESSION
        + "\",\"candidateId\":\""
        + CANDIDATE
        + "\",\"channel\":\"THROUGH_STATION\","
        + "\"summary\":\"practical score lowered after an argument\"}";
  }

  private Response complaint(StatementSigner actor, String type, String payload) {
    return node.post("/api/v1/statements", TestActors.signed(actor, type, CASE, json(payload)));
  }

  private Response approve(StatementSigner actor, String level) {
    return complaint(
        actor,
        "complaint.reinstatement.approve/v1",
        "{\"level\":\"" + level + "\",\"comment\":\"retrained\"}");
  }

  private Response assignExaminer() {
    return AbstractSliceIT.statement(
        node,
        ADMIN,
        "exam.staff.assign/v1",
        NEXT_SESSION,
        "{\"personId\":\"examiner-07\",\"role\":\"EXAMINER\"}");
  }

  private JsonNode history() {
    return node.get("/api/v1/people/examiner-07/complaints").json();
  }

  private static String scores() {
    return "/api/v1/sessions/" + SESSION + "/candidates/" + CANDIDATE + "/scores";
  }

  private static void ok(Response r, int status) {
    assertThat(r.status()).as(r.body()).isEqualTo(status);
  }

  private long events() throws SQLException {
    return count("SELECT COUNT(*) FROM domain_event_entry");
  }

  private long scheduledDeadlines() throws SQLException {
    return count("SELECT COUNT(*) FROM scheduled_tasks");
  }

  private long periodEndedEvents() throws SQLException {
    return count(
        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type ="
            + " 'org.examledger.complaints.SuspensionPeriodEndedEvent'");
  }

  private long count(String sql) throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
