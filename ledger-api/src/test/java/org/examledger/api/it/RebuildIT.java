package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.examledger.api.it.AbstractSliceIT.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.keys.ActorRole;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rebuilding the tracking projections on PostgreSQL while the service runs: the rebuilt tables hold
 * exactly the rows the live projections held, a view damaged behind the service's back is repaired,
 * and what cannot be rebuilt online says so.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RebuildIT {

  @org.junit.jupiter.api.io.TempDir java.nio.file.Path cliDir;

  private static final String SESSION = "S-REBUILD";

  /** The tables of the tracking projections result-sheets and complaint-cases. */
  private static final List<String> TABLES =
      List.of(
          "rm_session",
          "rm_session_component",
          "rm_result_sheet",
          "rm_component_score",
          "rm_component_mark",
          "rm_component_adjudication",
          "rm_complaint",
          "rm_complaint_step",
          "rm_complaint_evidence",
          "rm_suspended_statement",
          "rm_examiner_marking",
          "rm_examiner",
          "rm_examiner_assignment",
          "rm_roster_component",
          "rm_roster_mark",
          "rm_stat_session",
          "rm_stat_candidate");

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "rebuild-it-node");
    TestActors.bootstrap(node);
    TestActors.register(node, TestActors.ed25519("clerk-02"), ActorRole.CLERK);
    assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(SESSION)).status())
        .isEqualTo(201);
    for (String c : List.of("C-1", "C-2", "C-3")) {
      assertThat(
              node.post(
                      "/api/v1/sessions/" + SESSION + "/candidates",
                      AbstractSliceIT.registerBody(SESSION, c))
                  .status())
          .isEqualTo(201);
    }
    AbstractSliceIT.startSession(node, SESSION);
    String[][] scores = {{"C-1", "41"}, {"C-2", "12.5"}, {"C-3", "30"}};
    for (String[] s : scores) {
      Response r =
          node.post(
              "/api/v1/sessions/" + SESSION + "/candidates/" + s[0] + "/scores",
              AbstractSliceIT.scoreBody(SESSION, s[0], "theory", "\"" + s[1] + "\""));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    randomStream(new java.util.Random(6962));
    Response complaint =
        node.post(
            "/api/v1/statements",
            TestActors.signed(
                TestActors.ed25519("clerk-02"),
                "complaint.file/v1",
                "CPL-R-1",
                AbstractSliceIT.json(
                    "{\"respondentId\":\"examiner-07\",\"respondentRole\":\"EXAMINER\","
                        + "\"channel\":\"THROUGH_STATION\",\"summary\":\"rude\"}")));
    assertThat(complaint.status()).as(complaint.body()).isEqualTo(201);
    await().atMost(Duration.ofSeconds(20)).until(() -> caughtUp() && rows("rm_complaint") == 1);
  }

  /**
   * A seeded random stream of valid writes after the fixed ones: practical marks (signed, or
   * unsigned and sometimes countersigned), corrections of theory marks, identity checks. The
   * rebuild must reproduce whatever it leaves in the tables.
   */
  private void randomStream(java.util.Random random) {
    List<String> candidates = List.of("C-1", "C-2", "C-3");
    java.util.Map<String, String> unsignedEntries = new java.util.HashMap<>();
    java.util.Set<String> practical = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      String c = candidates.get(random.nextInt(candidates.size()));
      String score = Integer.toString(random.nextInt(51));
      Response r;
      switch (random.nextInt(4)) {
        case 0 -> {
          if (practical.contains(c)) {
            continue;
          }
          if (random.nextBoolean()) {
            r =
                node.post(
                    "/api/v1/sessions/" + SESSION + "/candidates/" + c + "/scores",
                    AbstractSliceIT.scoreBody(SESSION, c, "practical", "\"" + score + "\""));
          } else {
            r =
                node.post(
                    "/api/v1/sessions/" + SESSION + "/candidates/" + c + "/scores",
                    "{\"statement\":{\"v\":1,\"type\":\"exam.score.record/v1\",\"subject\":\""
                        + SESSION
                        + "\",\"payload\":{\"candidateId\":\""
                        + c
                        + "\",\"componentId\":\"practical\",\"score\":\""
                        + score
                        + "\"},\"actor\":\"examiner-07\",\"issuedAt\":\""
                        + java.time.Instant.now()
                        + "\",\"nonce\":\""
                        + TestActors.nonce()
                        + "\"}}");
            if (r.status() == 201) {
              unsignedEntries.put(c, r.json().get("eventId").asText() + " " + score);
            }
          }
          practical.add(c);
        }
        case 1 -> {
          String entry = unsignedEntries.remove(c);
          if (entry == null) {
            continue;
          }
          String[] e = entry.split(" ");
          r =
              AbstractSliceIT.statement(
                  node,
                  TestActors.EXAMINER,
                  StatementTypes.SCORE_COUNTERSIGN,
                  SESSION,
                  "{\"eventId\":\""
                      + e[0]
                      + "\",\"candidateId\":\""
                      + c
                      + "\",\"componentId\":\"practical\",\"score\":\""
                      + e[1]
                      + "\"}");
        }
        case 2 ->
            r =
                AbstractSliceIT.statement(
                    node,
                    TestActors.EXAMINER,
                    "exam.score.correct/v1",
                    SESSION,
                    "{\"candidateId\":\""
                        + c
                        + "\",\"componentId\":\"theory\",\"newScore\":\""
                        + score
                        + "\",\"reason\":\"MARKING_ERROR\"}");
        default ->
            r =
                AbstractSliceIT.statement(
                    node,
                    TestActors.PROCTOR,
                    "exam.identity.check/v1",
                    SESSION,
                    "{\"candidateId\":\""
                        + c
                        + "\",\"documents\":[],\"method\":\"VISUAL\","
                        + "\"result\":\"MISSING_DOCUMENT\"}");
      }
      assertThat(r.status()).as(r.body()).isIn(201, 202);
    }
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

  @Test
  void rosterAndStatisticsShowTheSession() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode roster = node.get("/api/v1/examiners").json();
              assertThat(roster.findValuesAsText("personId")).contains("examiner-07");
              JsonNode e07 = node.get("/api/v1/examiners/examiner-07").json();
              assertThat(e07.at("/examiner/sessions").asInt()).isEqualTo(1);
              assertThat(e07.at("/examiner/marks").asInt()).isGreaterThanOrEqualTo(3);
              assertThat(e07.at("/examiner/complaints").asInt()).isEqualTo(1);
              assertThat(e07.at("/assignments/0/sessionId").asText()).isEqualTo(SESSION);
              JsonNode year = node.get("/api/v1/statistics/2026").json();
              assertThat(year.get("candidates").asLong()).isEqualTo(3);
              assertThat(year.at("/sessionsByExamType/REGULAR").asLong()).isEqualTo(1);
              assertThat(year.get("occupations").asLong()).isEqualTo(1);
              // the candidates were scored without a passed identity check
              assertThat(year.at("/flagsByRule/identity-gap").asLong()).isGreaterThanOrEqualTo(3);
            });
    assertProblem(node.get("/api/v1/examiners/nobody"), 404, "unknown-examiner", null);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              JsonNode history = node.get("/api/v1/examiners/examiner-07/history").json();
              assertThat(history.findValuesAsText("type")).contains("ScoreRecordedEvent");
              assertThat(history.findValuesAsText("actorId")).containsOnly("examiner-07");
              assertThat(history.get(0).get("leafIndex").isNull()).isFalse();
            });
    assertProblem(node.get("/api/v1/examiners/nobody/history"), 404, "unknown-examiner", null);
    assertProblem(node.get("/api/v1/statistics/1999"), 400, "invalid-year", "year");
  }

  @Test
  void listsTheProjectionsButNotTheSequencer() {
    JsonNode list = node.get("/api/v1/admin/projections").json();
    Map<String, String> modes = new TreeMap<>();
    list.forEach(p -> modes.put(p.get("name").asText(), p.get("mode").asText()));
    assertThat(modes)
        .containsEntry("result-sheets", "TRACKING")
        .containsEntry("complaint-cases", "TRACKING")
        .containsEntry("key-registry", "SUBSCRIBING")
        .containsEntry("suspensions", "SUBSCRIBING")
        .doesNotContainKey("ledger-sequencer");
  }

  @Test
  void rebuildingEveryTrackingProjectionGivesExactlyTheRowsTheLiveOnesHeld() throws Exception {
    Map<String, List<String>> live = snapshot();
    assertThat(live.get("rm_component_score")).hasSizeGreaterThanOrEqualTo(3);

    Response started = node.post("/api/v1/admin/projections/rebuild", "");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.json().findValuesAsText("name"))
        .containsExactlyInAnyOrder(
            "result-sheets", "complaint-cases", "examiner-roster", "station-statistics");
    await().atMost(Duration.ofSeconds(30)).until(this::caughtUp);

    assertThat(snapshot()).isEqualTo(live);
  }

  @Test
  void rebuildRepairsAViewDamagedBehindTheServicesBack() throws Exception {
    String sheet = "/api/v1/sessions/" + SESSION + "/candidates/C-1/result-sheet";
    execute("UPDATE rm_component_score SET score = 0 WHERE candidate_id = 'C-1'");
    assertThat(node.get(sheet).json().at("/components/0/score").decimalValue())
        .isEqualByComparingTo("0");

    Response started = node.post("/api/v1/admin/projections/result-sheets/rebuild", "");
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    assertThat(started.json().get("name").asText()).isEqualTo("result-sheets");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(node.get(sheet).json().at("/components/0/score").decimalValue())
                    .isEqualByComparingTo("41"));
    await().atMost(Duration.ofSeconds(30)).until(this::caughtUp);
  }

  @Test
  void theRebuildCommandFollowsTheRebuildUntilCaughtUp() {
    CliBundleIT.Run run =
        CliBundleIT.cli(
            CliBundleIT.signedIn(
                cliDir,
                LedgerNode.OPERATOR,
                "rebuild",
                "--server",
                node.baseUrl(),
                "--projection",
                "result-sheets"));
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.err()).contains("rebuild started: result-sheets");
    assertThat(run.out()).startsWith("rebuilt: result-sheets caught up at ");
    CliBundleIT.Run refused =
        CliBundleIT.cli(
            CliBundleIT.signedIn(
                cliDir,
                LedgerNode.OPERATOR,
                "rebuild",
                "--server",
                node.baseUrl(),
                "--projection",
                "key-registry"));
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err().strip())
        .startsWith("ledger rebuild: refused: 409 projection-not-rebuildable");
  }

  @Test
  void whatCannotBeRebuiltOnlineIsRefusedWithTheReason() {
    assertProblem(
        node.post("/api/v1/admin/projections/key-registry/rebuild", ""),
        409,
        "projection-not-rebuildable",
        "name");
    assertProblem(
        node.post("/api/v1/admin/projections/ledger-sequencer/rebuild", ""),
        409,
        "not-a-projection",
        "name");
    assertProblem(
        node.post("/api/v1/admin/projections/scores/rebuild", ""),
        404,
        "unknown-projection",
        "name");
  }

  private boolean caughtUp() {
    JsonNode list = node.get("/api/v1/admin/projections").json();
    for (JsonNode p : list) {
      if (p.get("mode").asText().equals("TRACKING")) {
        if (p.get("replaying").asBoolean()
            || p.get("position").isNull()
            || p.get("position").asLong() != p.get("head").asLong()) {
          return false;
        }
      }
    }
    return true;
  }

  private Map<String, List<String>> snapshot() throws SQLException {
    Map<String, List<String>> all = new TreeMap<>();
    for (String table : TABLES) {
      List<String> rows = new ArrayList<>();
      try (Connection c = db.connect();
          ResultSet rs = c.createStatement().executeQuery("SELECT * FROM " + table)) {
        ResultSetMetaData meta = rs.getMetaData();
        while (rs.next()) {
          StringBuilder row = new StringBuilder();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.append(meta.getColumnName(i)).append('=').append(rs.getString(i)).append(';');
          }
          rows.add(row.toString());
        }
      }
      rows.sort(String::compareTo);
      all.put(table, rows);
    }
    return all;
  }

  private long rows(String table) throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = db.connect()) {
      c.createStatement().executeUpdate(sql);
    }
  }
}
