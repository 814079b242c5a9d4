package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.api.security.AccountRole;
import org.examledger.api.security.Accounts;
import org.examledger.keys.ActorRole;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the API, times every role and an anonymous caller, on PostgreSQL: anonymous
 * gets 401, a role the matrix (docs/security.md) does not allow gets 403 {@code forbidden} and
 * stores nothing, an allowed role gets through access control (200 for the reads). A new endpoint
 * without a row here fails the test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixIT {

  private static final String SESSION_A = "S-AUTH-A";
  private static final String SESSION_B = "S-AUTH-B";
  private static final StatementSigner EXAMINER_B = TestActors.ed25519("examiner-08");

  /** The callers: one account per role, each signing as the actor named. */
  private static final Map<AccountRole, String> ACTORS = new LinkedHashMap<>();

  static {
    ACTORS.put(AccountRole.EXAMINER, TestActors.EXAMINER.actorId());
    ACTORS.put(AccountRole.PROCTOR, TestActors.PROCTOR.actorId());
    ACTORS.put(AccountRole.STATION_ADMIN, TestActors.ADMIN.actorId());
    ACTORS.put(AccountRole.AUDITOR, "auditor-01");
    ACTORS.put(AccountRole.SUPERVISOR, "supervisor-01");
    ACTORS.put(AccountRole.WITNESS, "witness-01");
    ACTORS.put(AccountRole.CLERK, "clerk-01");
  }

  private static final Set<AccountRole> ALL = EnumSet.allOf(AccountRole.class);
  private static final Set<AccountRole> READERS =
      EnumSet.of(AccountRole.STATION_ADMIN, AccountRole.AUDITOR, AccountRole.SUPERVISOR);
  private static final Set<AccountRole> WRITERS =
      EnumSet.of(
          AccountRole.EXAMINER,
          AccountRole.PROCTOR,
          AccountRole.STATION_ADMIN,
          AccountRole.SUPERVISOR,
          AccountRole.CLERK);

  private PostgresDatabase db;
  private LedgerNode node;
  private final AtomicInteger fresh = new AtomicInteger();

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "matrix");
    ACTORS.forEach((role, actor) -> node.account(username(role), actor, role));
    TestActors.bootstrap(node);
    TestActors.register(node, EXAMINER_B, ActorRole.EXAMINER);
    for (String session : List.of(SESSION_A, SESSION_B)) {
      assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(session)).status())
          .isEqualTo(201);
    }
    for (String session : List.of(SESSION_A, SESSION_B)) {
      Response r =
          node.post(
              "/api/v1/sessions/" + session + "/candidates",
              AbstractSliceIT.registerBody(session, "C-1"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    AbstractSliceIT.startSession(node, SESSION_A);
    // session B: examiner B only (and a proctor to read the notice), started
    AbstractSliceIT.assign(node, SESSION_B, EXAMINER_B.actorId(), "EXAMINER");
    AbstractSliceIT.assign(node, SESSION_B, TestActors.PROCTOR.actorId(), "PROCTOR");
    for (Response r :
        List.of(
            AbstractSliceIT.statement(
                node, TestActors.ADMIN, "exam.session.open/v1", SESSION_B, "{}"),
            AbstractSliceIT.statement(
                node,
                TestActors.PROCTOR,
                "exam.proctor.notice-read/v1",
                SESSION_B,
                "{\"room\":\"R101\"}"),
            AbstractSliceIT.statement(
                node, TestActors.ADMIN, "exam.session.start/v1", SESSION_B, "{}"))) {
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
    Response scored =
        node.post(
            "/api/v1/sessions/" + SESSION_A + "/candidates/C-1/scores",
            AbstractSliceIT.scoreBody(SESSION_A, "C-1", "practical", "\"35\""));
    assertThat(scored.status()).as(scored.body()).isEqualTo(201);
    node.post("/api/v1/log/checkpoint", "");
    // the roster's assignments (a tracking projection) decide examiners' session reads
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                node.as(username(AccountRole.EXAMINER))
                            .get("/api/v1/sessions/" + SESSION_A + "/history")
                            .status()
                        == 200
                    && node.get("/api/v1/examiners/examiner-07/history").status() == 200);
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

  static String username(AccountRole role) {
    return "role-" + role.name().toLowerCase().replace('_', '-');
  }

  /**
   * One endpoint: its mapping as the controller declares it, a concrete request, who may call it
   * and what an allowed caller gets (null: anything but a refusal of access, for writes whose
   * outcome depends on the statement).
   */
  record Row(
      String method,
      String pattern,
      String path,
      Supplier<String> body,
      Set<AccountRole> allowed,
      Integer allowedStatus) {

    String mapping() {
      return method + " " + pattern;
    }
  }

  private List<Row> rows() {
    String eventId = firstEventId();
    long size = treeSize();
    String adminKey = TestActors.keyId(TestActors.ADMIN);
    Set<AccountRole> sessionA =
        EnumSet.of(
            AccountRole.STATION_ADMIN,
            AccountRole.AUDITOR,
            AccountRole.SUPERVISOR,
            AccountRole.EXAMINER,
            AccountRole.PROCTOR);
    Set<AccountRole> readersAndSelf = EnumSet.copyOf(READERS);
    readersAndSelf.add(AccountRole.EXAMINER);
    Set<AccountRole> complaintsAndSelf =
        EnumSet.of(AccountRole.AUDITOR, AccountRole.SUPERVISOR, AccountRole.EXAMINER);
    String examiner = TestActors.EXAMINER.actorId();
    List<Row> rows = new ArrayList<>();
    // the log
    rows.add(get("/api/v1/log/checkpoint", "/api/v1/log/checkpoint", ALL, 200));
    rows.add(
        get("/api/v1/log/checkpoints/{treeSize}", "/api/v1/log/checkpoints/" + size, ALL, 200));
    rows.add(
        new Row(
            "POST",
            "/api/v1/log/checkpoint",
            "/api/v1/log/checkpoint",
            () -> "",
            EnumSet.of(AccountRole.STATION_ADMIN),
            200));
    rows.add(get("/api/v1/log/key", "/api/v1/log/key", ALL, 200));
    rows.add(
        get(
            "/api/v1/log/events/{eventIdentifier}/proof",
            "/api/v1/log/events/" + eventId + "/proof",
            ALL,
            200));
    rows.add(get("/api/v1/log/leaves/{leafIndex}/proof", "/api/v1/log/leaves/0/proof", ALL, 200));
    rows.add(get("/api/v1/log/consistency", "/api/v1/log/consistency?from=1&to=" + size, ALL, 200));
    rows.add(get("/api/v1/log/entries", "/api/v1/log/entries", READERS, 200));
    rows.add(
        get(
            "/api/v1/log/aggregates/{aggregateId}/entries",
            "/api/v1/log/aggregates/key-registry/entries",
            READERS,
            200));
    rows.add(
        new Row(
            "POST",
            "/api/v1/log/add-checkpoint",
            "/api/v1/log/add-checkpoint",
            () -> "not a cosigned checkpoint",
            EnumSet.of(AccountRole.WITNESS),
            400));
    rows.add(get("/api/v1/keys/{keyId}", "/api/v1/keys/" + adminKey, ALL, 200));
    // sessions
    rows.add(
        post(
            "/api/v1/sessions",
            "/api/v1/sessions",
            () -> AbstractSliceIT.scheduleBody("S-M-" + fresh.incrementAndGet())));
    rows.add(
        post(
            "/api/v1/sessions/{sessionId}/candidates",
            "/api/v1/sessions/" + SESSION_A + "/candidates",
            () -> AbstractSliceIT.registerBody(SESSION_A, "C-M-" + fresh.incrementAndGet())));
    rows.add(
        post(
            "/api/v1/sessions/{sessionId}/candidates/{candidateId}/scores",
            "/api/v1/sessions/" + SESSION_A + "/candidates/C-1/scores",
            () -> AbstractSliceIT.scoreBody(SESSION_A, "C-1", "theory", "\"41\"")));
    rows.add(
        post(
            "/api/v1/sessions/{sessionId}/scores/bulk",
            "/api/v1/sessions/" + SESSION_A + "/scores/bulk",
            () ->
                "{\"statements\":["
                    + AbstractSliceIT.scoreBody(SESSION_A, "C-1", "theory", "\"42\"")
                    + "]}"));
    rows.add(
        post(
            "/api/v1/statements",
            "/api/v1/statements",
            () ->
                TestActors.signed(
                    TestActors.ADMIN,
                    StatementTypes.SESSION_SCHEDULE,
                    "S-M-" + fresh.incrementAndGet(),
                    AbstractSliceIT.json(AbstractSliceIT.SESSION_PAYLOAD))));
    rows.add(
        get(
            "/api/v1/sessions/{sessionId}/candidates/{candidateId}/result-sheet",
            "/api/v1/sessions/" + SESSION_A + "/candidates/C-1/result-sheet",
            sessionA,
            200));
    rows.add(
        get(
            "/api/v1/sessions/{sessionId}/history",
            "/api/v1/sessions/" + SESSION_A + "/history",
            sessionA,
            200));
    rows.add(
        get(
            "/api/v1/sessions/{sessionId}/candidates/{candidateId}/history",
            "/api/v1/sessions/" + SESSION_A + "/candidates/C-1/history",
            sessionA,
            200));
    // supervisors' and auditors' views
    rows.add(get("/api/v1/examiners", "/api/v1/examiners", READERS, 200));
    rows.add(
        get("/api/v1/examiners/{personId}", "/api/v1/examiners/" + examiner, readersAndSelf, 200));
    rows.add(
        get(
            "/api/v1/examiners/{personId}/history",
            "/api/v1/examiners/" + examiner + "/history",
            readersAndSelf,
            200));
    rows.add(get("/api/v1/statistics/{year}", "/api/v1/statistics/2026", READERS, 200));
    Set<AccountRole> complaintReaders = EnumSet.of(AccountRole.AUDITOR, AccountRole.SUPERVISOR);
    rows.add(get("/api/v1/complaints", "/api/v1/complaints", complaintReaders, 200));
    rows.add(
        get(
            "/api/v1/complaints/{complaintId}",
            "/api/v1/complaints/CPL-NONE",
            complaintReaders,
            404));
    rows.add(
        get(
            "/api/v1/complaints/statistics",
            "/api/v1/complaints/statistics?year=2026",
            complaintReaders,
            200));
    rows.add(
        get(
            "/api/v1/people/{personId}/complaints",
            "/api/v1/people/" + examiner + "/complaints",
            complaintsAndSelf,
            200));
    rows.add(get("/api/v1/flags", "/api/v1/flags", READERS, 200));
    // allowed; the answer depends on how many sheets the matrix's own writes completed (too few
    // for an estimate either way)
    rows.add(new Row("GET", "/api/v1/bunching", "/api/v1/bunching?year=2026", null, READERS, null));
    // administration
    Set<AccountRole> admin = EnumSet.of(AccountRole.STATION_ADMIN);
    rows.add(get("/api/v1/admin/projections", "/api/v1/admin/projections", admin, 200));
    rows.add(
        get(
            "/api/v1/admin/projections/{name}",
            "/api/v1/admin/projections/result-sheets",
            admin,
            200));
    rows.add(
        new Row(
            "POST",
            "/api/v1/admin/projections/{name}/rebuild",
            "/api/v1/admin/projections/no-such-view/rebuild",
            () -> "",
            admin,
            404));
    rows.add(
        new Row(
            "POST",
            "/api/v1/admin/projections/rebuild",
            "/api/v1/admin/projections/rebuild",
            () -> "",
            admin,
            202));
    // operations: metrics for the station's administrators and auditors
    rows.add(
        get(
            "/actuator/prometheus",
            "/actuator/prometheus",
            EnumSet.of(AccountRole.STATION_ADMIN, AccountRole.AUDITOR),
            200));
    return rows;
  }

  private static Row get(String pattern, String path, Set<AccountRole> allowed, int status) {
    return new Row("GET", pattern, path, null, allowed, status);
  }

  private static Row post(String pattern, String path, Supplier<String> body) {
    return new Row("POST", pattern, path, body, WRITERS, null);
  }

  @Test
  void everyEndpointHasARowInTheMatrix() {
    Set<String> mapped = new TreeSet<>();
    RequestMappingHandlerMapping mappings =
        node.context().getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
    for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = e.getKey();
      for (String pattern : info.getPatternValues()) {
        // the web console's pages have their own filter chain (form sign-in, sessions, CSRF):
        // ConsoleBrowserIT checks who sees which page
        if (pattern.equals("/error") || isConsolePage(pattern)) {
          continue;
        }
        info.getMethodsCondition().getMethods().forEach(m -> mapped.add(m.name() + " " + pattern));
      }
    }
    Set<String> covered = new TreeSet<>();
    // actuator endpoints are mapped by Boot's own handler mapping, not the controllers'
    rows().stream()
        .filter(r -> !r.pattern().startsWith("/actuator/"))
        .forEach(r -> covered.add(r.mapping()));
    assertThat(covered).isEqualTo(mapped);
  }

  private static boolean isConsolePage(String pattern) {
    return pattern.equals("/login")
        || pattern.equals("/console")
        || pattern.startsWith("/console/");
  }

  @Test
  void everyRoleGetsWhatTheMatrixSaysAndRefusedWritesStoreNothing() {
    List<String> wrong = new ArrayList<>();
    for (Row row : rows()) {
      // anonymous, and a wrong password
      check(row, node.withAuthorization(null), null, wrong);
      check(
          row,
          node.withAuthorization(LedgerNode.basic(username(AccountRole.AUDITOR), "wrong password")),
          null,
          wrong);
      for (AccountRole role : ACTORS.keySet()) {
        check(row, node.as(username(role)), role, wrong);
      }
    }
    assertThat(wrong).isEmpty();
  }

  private void check(Row row, LedgerNode.Client client, AccountRole role, List<String> wrong) {
    long before = node.storedEvents();
    Response r =
        row.method().equals("GET")
            ? client.get(row.path())
            : client.post(row.path(), row.body().get());
    String who = role == null ? "anonymous" : role.name();
    String cell = row.method() + " " + row.path() + " as " + who + ": " + r.status();
    if (role == null) {
      if (r.status() != 401 || !r.contentType().startsWith("application/problem+json")) {
        wrong.add(cell + " (expected 401 problem) " + r.body());
      }
    } else if (!row.allowed().contains(role)) {
      if (r.status() != 403 || !r.body().contains("\"rule\":\"forbidden\"")) {
        wrong.add(cell + " (expected 403 forbidden) " + r.body());
      }
    } else if (row.allowedStatus() != null && r.status() != row.allowedStatus()) {
      wrong.add(cell + " (expected " + row.allowedStatus() + ") " + r.body());
    } else if (r.status() == 401 || r.body().contains("\"rule\":\"forbidden\"")) {
      wrong.add(cell + " (expected to pass access control) " + r.body());
    }
    if ((role == null || !row.allowed().contains(role)) && node.storedEvents() != before) {
      wrong.add(cell + ": a refused request stored an event");
    }
  }

  @Test
  void anExaminerCannotScoreInASessionAssignedOnlyToAnotherEvenWithTheirOwnValidSignature() {
    LedgerNode.Client examinerA = node.as(username(AccountRole.EXAMINER));
    long before = node.storedEvents();
    // A's own, valid signature, in B's session: the domain refuses (A is not assigned)
    Response own =
        examinerA.post(
            "/api/v1/statements",
            TestActors.signed(
                TestActors.EXAMINER,
                StatementTypes.SCORE_RECORD,
                SESSION_B,
                AbstractSliceIT.json(
                    "{\"candidateId\":\"C-1\",\"componentId\":\"theory\",\"score\":\"44\"}")));
    assertThat(own.status()).as(own.body()).isIn(403, 409);
    assertThat(own.body()).doesNotContain("\"rule\":\"forbidden\"");
    // B's valid signature, delivered by A: A may not submit what B signed
    String bSigned =
        TestActors.signed(
            EXAMINER_B,
            StatementTypes.SCORE_RECORD,
            SESSION_B,
            AbstractSliceIT.json(
                "{\"candidateId\":\"C-1\",\"componentId\":\"theory\",\"score\":\"44\"}"));
    Response relayed = examinerA.post("/api/v1/statements", bSigned);
    AbstractSliceIT.assertProblem(relayed, 403, "submitter-not-signer", "actorId");
    // and A may not read B's session
    assertThat(examinerA.get("/api/v1/sessions/" + SESSION_B + "/history").status()).isEqualTo(403);
    assertThat(node.storedEvents()).isEqualTo(before);
    // B, signed in as B, scores: accepted, and the event records B as actor and submitter
    node.account("examiner-b", EXAMINER_B.actorId(), AccountRole.EXAMINER);
    Response byB = node.as("examiner-b").post("/api/v1/statements", bSigned);
    assertThat(byB.status()).as(byB.body()).isEqualTo(201);
    assertThat(node.storedEvents()).isEqualTo(before + 1);
  }

  @Test
  void aClerkTranscribesPaperForOthersOnlyForTheAllowedTypesAndIsRecordedAsSubmitter() {
    LedgerNode.Client clerk = node.as(username(AccountRole.CLERK));
    long before = node.storedEvents();
    // a session assignment signed by the administrator is not a transcription type
    Response assign =
        clerk.post(
            "/api/v1/statements",
            TestActors.signed(
                TestActors.ADMIN,
                "exam.staff.assign/v1",
                SESSION_B,
                AbstractSliceIT.json("{\"personId\":\"examiner-07\",\"role\":\"PROCTOR\"}")));
    AbstractSliceIT.assertProblem(assign, 403, "submitter-not-signer", "actorId");
    assertThat(node.storedEvents()).isEqualTo(before);
    // examiner B's signed score from paper: the clerk may deliver it
    Response score =
        clerk.post(
            "/api/v1/statements",
            TestActors.signed(
                EXAMINER_B,
                StatementTypes.SCORE_RECORD,
                SESSION_B,
                AbstractSliceIT.json(
                    "{\"candidateId\":\"C-1\",\"componentId\":\"practical\",\"score\":\"38\"}")));
    assertThat(score.status()).as(score.body()).isEqualTo(201);
    String payload =
        JdbcClient.create(node.context().getBean(DataSource.class))
            .sql(
                "SELECT CONVERT_FROM(payload, 'UTF8') FROM domain_event_entry WHERE"
                    + " global_index = (SELECT MAX(global_index) FROM domain_event_entry)")
            .query(String.class)
            .single();
    assertThat(payload)
        .contains("\"actorId\":\"examiner-08\"")
        .contains("\"submitterId\":\"" + username(AccountRole.CLERK) + "\"");
  }

  @Test
  void prometheusScrapeShowsTheLogsSizeAndCheckpoint() {
    long signed = treeSize();

    Response r = node.as(username(AccountRole.AUDITOR)).get("/actuator/prometheus");

    assertThat(r.status()).as(r.body()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("text/plain");
    assertThat(gauge(r.body(), "ledger_log_size")).isGreaterThanOrEqualTo(signed);
    assertThat(gauge(r.body(), "ledger_log_checkpoint_size")).isGreaterThanOrEqualTo(signed);
    assertThat(gauge(r.body(), "ledger_log_events"))
        .isGreaterThanOrEqualTo(gauge(r.body(), "ledger_log_size"));
    assertThat(r.body()).contains("# HELP ledger_log_size leaves in the Merkle log");
  }

  /** The value of a gauge without labels in a Prometheus text exposition. */
  private static double gauge(String exposition, String name) {
    return exposition
        .lines()
        .filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{"))
        .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no gauge " + name + " in:\n" + exposition));
  }

  @Test
  void aDisabledAccountCannotSignIn() {
    node.account("leaver", "auditor-02", AccountRole.AUDITOR);
    node.context().getBean(Accounts.class).disable("leaver");
    Response r = node.as("leaver").get("/api/v1/flags");
    assertThat(r.status()).isEqualTo(401);
    assertThat(r.body()).contains("\"rule\":\"unauthenticated\"");
  }

  private String firstEventId() {
    return node.get("/api/v1/log/entries?start=0&end=1")
        .json()
        .get("entries")
        .get(0)
        .get("eventIdentifier")
        .asText();
  }

  /** The size of the latest signed checkpoint (the note's second line). */
  private long treeSize() {
    return Long.parseLong(node.get("/api/v1/log/checkpoint").body().split("\n")[1]);
  }
}
