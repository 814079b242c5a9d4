package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.examledger.api.it.AbstractSliceIT.assertProblem;
import static org.examledger.api.it.AbstractSliceIT.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.keys.ActorRole;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A whole exam session over HTTP on the real PostgreSQL, every write a signed statement (one
 * transcribed score unsigned, then countersigned): schedule with a double-marked component,
 * register, assign, notice, prohibited items, identity check, scores, a correction, a
 * countersignature, diverging double marks settled by a third mark, end, submit, lock, publish. Two
 * refusals on the way change nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WholeSessionIT {

  private static final String SESSION = "S-WHOLE";
  private static final String CANDIDATE = "C-0001";
  private static final String SHEET =
      "/api/v1/sessions/" + SESSION + "/candidates/" + CANDIDATE + "/result-sheet";
  private static final String SCORES =
      "/api/v1/sessions/" + SESSION + "/candidates/" + CANDIDATE + "/scores";

  private static final StatementSigner SECOND = TestActors.ed25519("examiner-11");
  private static final StatementSigner THIRD = TestActors.ed25519("examiner-12");
  private static final StatementSigner UNASSIGNED = TestActors.ed25519("examiner-30");
  private static final StatementSigner SUPERVISOR = TestActors.ed25519("supervisor-01");

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "whole-session-it-node");
    TestActors.bootstrap(node);
    TestActors.registerStaff(node);
    for (StatementSigner examiner : new StatementSigner[] {SECOND, THIRD, UNASSIGNED}) {
      TestActors.register(node, examiner, ActorRole.EXAMINER);
    }
    TestActors.register(node, SUPERVISOR, ActorRole.SUPERVISOR);
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

  private long storedEvents() throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement().executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private Response write(StatementSigner actor, String type, String payload) {
    Response r = AbstractSliceIT.statement(node, actor, type, SESSION, payload);
    assertThat(r.status()).as(type + ": " + r.body()).isEqualTo(201);
    return r;
  }

  private Response score(StatementSigner examiner, String component, String score) {
    Response r =
        node.post(
            SCORES,
            TestActors.signed(
                examiner,
                StatementTypes.SCORE_RECORD,
                SESSION,
                json(
                    "{\"candidateId\":\""
                        + CANDIDATE
                        + "\",\"componentId\":\""
                        + component
                        + "\",\"score\":\""
                        + score
                        + "\"}")));
    return r;
  }

  @Test
  void wholeSessionFromScheduleToPublishedResultSheet() throws SQLException {
    // schedule: theory single-marked, practical double-marked with tolerance 5
    Response scheduled =
        node.post(
            "/api/v1/sessions",
            TestActors.signed(
                TestActors.ADMIN,
                StatementTypes.SESSION_SCHEDULE,
                SESSION,
                json(
                    """
                    {"occupation":"CNC lathe operator","level":4,"examType":"REGULAR",
                     "passMark":"60","rooms":["R101"],
                     "startsAt":"2026-06-01T01:00:00Z","endsAt":"2026-06-01T04:00:00Z",
                     "components":[
                       {"componentId":"theory","name":"Theory paper","maxScore":"50"},
                       {"componentId":"practical","name":"Turning a stepped shaft",
                        "maxScore":"50","doubleMarkingTolerance":"5"}]}
                    """)));
    assertThat(scheduled.status()).as(scheduled.body()).isEqualTo(201);
    Response registered =
        node.post(
            "/api/v1/sessions/" + SESSION + "/candidates",
            AbstractSliceIT.registerBody(SESSION, CANDIDATE));
    assertThat(registered.status()).as(registered.body()).isEqualTo(201);

    // staff, the morning's proctoring, start
    AbstractSliceIT.assign(node, SESSION, "examiner-07", "EXAMINER");
    AbstractSliceIT.assign(node, SESSION, "examiner-11", "EXAMINER");
    AbstractSliceIT.assign(node, SESSION, "examiner-12", "EXAMINER");
    AbstractSliceIT.assign(node, SESSION, "proctor-03", "PROCTOR");
    AbstractSliceIT.assign(node, SESSION, "chief-01", "CHIEF_EXAMINER");
    write(TestActors.ADMIN, "exam.session.open/v1", "{}");
    write(TestActors.PROCTOR, "exam.proctor.notice-read/v1", "{\"room\":\"R101\"}");
    write(
        TestActors.PROCTOR,
        "exam.proctor.prohibited-items/v1",
        "{\"room\":\"R101\",\"findings\":[\"phone handed in before the start\"]}");
    DocumentRef idCard =
        DocumentRef.keyed(
            DocumentType.ID_CARD, "11010519491231" + CANDIDATE, Bytes.utf8("station test secret"));
    write(
        TestActors.PROCTOR,
        "exam.identity.check/v1",
        "{\"candidateId\":\""
            + CANDIDATE
            + "\",\"documents\":[{\"type\":\"ID_CARD\",\"keyedHash\":\""
            + idCard.keyedHash()
            + "\",\"suffix\":\""
            + idCard.suffix()
            + "\"}],\"method\":\"CARD_READER\",\"result\":\"MATCH\"}");
    write(TestActors.ADMIN, "exam.session.start/v1", "{}");

    // theory: 31, corrected to 33 with a reason code
    assertThat(score(TestActors.EXAMINER, "theory", "31").status()).isEqualTo(201);
    Response corrected =
        write(
            TestActors.EXAMINER,
            "exam.score.correct/v1",
            "{\"candidateId\":\""
                + CANDIDATE
                + "\",\"componentId\":\"theory\",\"newScore\":\"33\","
                + "\"reason\":\"ADDITION_ERROR\",\"reasonText\":\"page 3 not added\"}");
    assertThat(corrected.json().get("eventId").asText()).isNotBlank();
    Instant afterTheory = Instant.now();

    // practical, first mark: transcribed unsigned by a clerk, then countersigned by examiner-07
    String unsigned =
        "{\"statement\":{\"v\":1,\"type\":\"exam.score.record/v1\",\"subject\":\""
            + SESSION
            + "\",\"payload\":{\"candidateId\":\""
            + CANDIDATE
            + "\",\"componentId\":\"practical\",\"score\":\"40\"},\"actor\":\"examiner-07\","
            + "\"issuedAt\":\""
            + Instant.now()
            + "\",\"nonce\":\""
            + TestActors.nonce()
            + "\"}}";
    Response entry = node.post(SCORES, unsigned);
    assertThat(entry.status()).as(entry.body()).isEqualTo(201);
    assertThat(entry.json().get("signed").asBoolean()).isFalse();
    String entryId = entry.json().get("eventId").asText();
    Response countersigned =
        write(
            TestActors.EXAMINER,
            StatementTypes.SCORE_COUNTERSIGN,
            "{\"eventId\":\""
                + entryId
                + "\",\"candidateId\":\""
                + CANDIDATE
                + "\",\"componentId\":\"practical\",\"score\":\"40\"}");
    assertThat(countersigned.json().get("countersignedEventId").asText()).isEqualTo(entryId);

    // second mark 48 diverges by more than 5; the third mark 46 settles it: (48 + 46) / 2 = 47
    assertThat(score(SECOND, "practical", "48").status()).isEqualTo(201);
    assertThat(score(THIRD, "practical", "46").status()).isEqualTo(201);

    // refused: an examiner with a registered key but not assigned to this session
    long before = storedEvents();
    assertProblem(score(UNASSIGNED, "theory", "20"), 409, "actor-not-assigned", "actor");
    assertThat(storedEvents()).isEqualTo(before);

    write(TestActors.ADMIN, "exam.session.end/v1", "{}");
    String sheet = "{\"candidateId\":\"" + CANDIDATE + "\"}";
    write(
        TestActors.ADMIN,
        "exam.sheet.submit/v1",
        "{\"candidateId\":\"" + CANDIDATE + "\",\"claimedTotal\":\"80\"}");
    write(TestActors.ADMIN, "exam.sheet.lock/v1", sheet);

    // refused: a change to a locked sheet
    long locked = storedEvents();
    assertProblem(
        AbstractSliceIT.statement(
            node,
            TestActors.EXAMINER,
            "exam.score.correct/v1",
            SESSION,
            "{\"candidateId\":\""
                + CANDIDATE
                + "\",\"componentId\":\"theory\",\"newScore\":\"35\","
                + "\"reason\":\"MARKING_ERROR\"}"),
        409,
        "sheet-not-open",
        "candidateId");
    assertThat(storedEvents()).isEqualTo(locked);

    write(TestActors.ADMIN, "exam.sheet.publish/v1", sheet);

    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> assertThat(node.get(SHEET).json().get("status").asText()).isEqualTo("PUBLISHED"));
    JsonNode published = node.get(SHEET).json();
    assertThat(published.get("total").decimalValue()).isEqualByComparingTo("80");
    assertThat(published.get("outcome").asText()).isEqualTo("PASS");
    JsonNode theory = published.get("components").get(0);
    assertThat(theory.get("score").decimalValue()).isEqualByComparingTo("33");
    JsonNode practical = published.get("components").get(1);
    assertThat(practical.get("score").decimalValue()).isEqualByComparingTo("47");
    assertThat(practical.get("marks"))
        .extracting(JsonNode::decimalValue)
        .containsExactly(new BigDecimal("40"), new BigDecimal("48"), new BigDecimal("46"));
    assertThat(practical.get("signed").asBoolean()).isTrue();

    // as of a past moment: the theory correction was in, nothing else
    JsonNode then = node.get(SHEET + "?asOf=" + afterTheory).json();
    assertThat(then.get("status").asText()).isEqualTo("OPEN");
    assertThat(then.get("outcome").asText()).isEqualTo("INCOMPLETE");
    assertThat(then.at("/components/0/score").decimalValue()).isEqualByComparingTo("33");
    assertThat(then.at("/components/0/marks")).hasSize(1);
    assertThat(then.at("/components/1/score").isNull()).isTrue();
    assertProblem(node.get(SHEET + "?asOf=yesterday"), 400, "invalid-as-of", "asOf");
    assertProblem(
        node.get(SHEET + "?asOf=" + afterTheory + "&treeSize=1"), 400, "as-of-ambiguous", "asOf");

    // the candidate's history: every entry with its signature status, leaf and proof
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode history = node.get(SHEET.replace("result-sheet", "history")).json();
              assertThat(history.findValuesAsText("leafIndex")).doesNotContain("null");
              JsonNode first = null;
              for (JsonNode e : history) {
                if (e.get("eventId").asText().equals(entryId)) {
                  first = e;
                }
              }
              assertThat(first).isNotNull();
              assertThat(first.at("/signature/status").asText()).isEqualTo("UNSIGNED");
              assertThat(first.get("countersignedBy").asText())
                  .isEqualTo(countersigned.json().get("eventId").asText());
              assertThat(first.get("proof").asText())
                  .isEqualTo("/api/v1/log/events/" + entryId + "/proof");
              assertThat(history.findValuesAsText("type"))
                  .contains("ScoreCorrectedEvent", "ResultSheetPublishedEvent");
              assertThat(history.get(0).at("/signature/status").asText()).isEqualTo("VALID");
            });
    // as of the whole log: the published sheet; as of the empty log: no sheet
    long size = leaves();
    JsonNode whole = node.get(SHEET + "?treeSize=" + size).json();
    assertThat(whole.get("status").asText()).isEqualTo("PUBLISHED");
    assertThat(whole.get("total").decimalValue()).isEqualByComparingTo("80");
    assertThat(node.get(SHEET + "?treeSize=0").status()).isEqualTo(404);
    assertProblem(
        node.get(SHEET + "?treeSize=" + (size + 1000)), 400, "tree-size-out-of-range", "treeSize");

    // flags: the transcribed entry was countersigned in time, so its flag shows as cured
    JsonNode flags = node.get("/api/v1/flags?session=" + SESSION).json();
    assertThat(flags.get("flags")).hasSize(1);
    JsonNode cured = flags.get("flags").get(0);
    assertThat(cured.at("/flag/ruleId").asText()).isEqualTo("unsigned-change");
    assertThat(cured.at("/flag/status").asText()).isEqualTo("CURED");
    assertThat(cured.at("/flag/eventIds/0").asText()).isEqualTo(entryId);
    assertThat(cured.get("flagId").asText()).isEqualTo("unsigned-change:" + entryId);
    assertThat(flags.at("/byRule/unsigned-change").asLong()).isEqualTo(1);
    assertProblem(node.get("/api/v1/flags?rule=nonsense"), 400, "unknown-rule", "rule");

    // a supervisor reviews it: acknowledged once, resolved with a comment; nobody else may
    String flagId = cured.get("flagId").asText();
    Response ack =
        AbstractSliceIT.statement(
            node, SUPERVISOR, "flag.acknowledge/v1", flagId, "{\"comment\":\"looking\"}");
    assertThat(ack.status()).as(ack.body()).isEqualTo(201);
    assertProblem(
        AbstractSliceIT.statement(
            node, SUPERVISOR, "flag.acknowledge/v1", flagId, "{\"comment\":\"again\"}"),
        409,
        "flag-already-acknowledged",
        "flagId");
    assertProblem(
        AbstractSliceIT.statement(
            node,
            TestActors.EXAMINER,
            "flag.resolve/v1",
            flagId,
            "{\"resolution\":\"EXPLAINED\",\"comment\":\"mine\"}"),
        403,
        "not-a-supervisor",
        "actor");
    Response resolved =
        AbstractSliceIT.statement(
            node,
            SUPERVISOR,
            "flag.resolve/v1",
            flagId,
            "{\"resolution\":\"EXPLAINED\",\"comment\":\"paper sheet transcribed by the"
                + " clerk, countersigned within the hour\"}");
    assertThat(resolved.status()).as(resolved.body()).isEqualTo(201);
    assertProblem(
        AbstractSliceIT.statement(
            node, SUPERVISOR, "flag.acknowledge/v1", "unsigned-change:nope", "{}"),
        404,
        "unknown-flag",
        "subject");
    JsonNode reviewed = node.get("/api/v1/flags?session=" + SESSION).json().at("/flags/0");
    assertThat(reviewed.at("/acknowledged/by").asText()).isEqualTo("supervisor-01");
    assertThat(reviewed.at("/resolved/resolution").asText()).isEqualTo("EXPLAINED");
    assertThat(reviewed.at("/flag/status").asText()).isEqualTo("CURED");

    // bunching needs many more sheets than one: refused with the estimator's reason
    assertProblem(
        node.get("/api/v1/bunching?session=" + SESSION), 400, "bunching-not-estimable", "examiner");
    assertProblem(
        node.get("/api/v1/bunching?session=" + SESSION + "&examiner=x"),
        400,
        "too-many-groups",
        "examiner");
    assertProblem(node.get("/api/v1/bunching?session=S-NONE"), 404, "no-complete-sheets", null);
  }

  private long leaves() throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM ledger_leaf")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
