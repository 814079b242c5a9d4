package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.examledger.api.it.AbstractSliceIT.assertProblem;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.awaitility.Awaitility;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.AdmittedStatement;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.api.seal.LedgerSequencer;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code POST /api/v1/sessions/{sessionId}/scores/bulk} on PostgreSQL: a sheet of signed scores in
 * one request is stored whole, or, when any one statement is refused, not at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BulkScoresIT {

  private static final String SESSION = "S-BULK";
  private static final String BULK = "/api/v1/sessions/" + SESSION + "/scores/bulk";

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    // a bulk waits while more than 2 events are stored ahead of the log (BulkPacing)
    node =
        LedgerNode.onPostgres(
            db,
            "bulk",
            Map.of("ledger.log.bulk-max-unsequenced", "2", "ledger.log.bulk-max-wait", "60s"));
    TestActors.bootstrap(node);
    assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(SESSION)).status())
        .isEqualTo(201);
    for (String candidate :
        List.of("C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "C-7", "C-8", "C-9", "C-10", "C-11")) {
      Response r =
          node.post(
              "/api/v1/sessions/" + SESSION + "/candidates",
              AbstractSliceIT.registerBody(SESSION, candidate));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
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

  private static String bulk(String... envelopes) {
    return "{\"statements\":[" + String.join(",", envelopes) + "]}";
  }

  private static String score(String candidate, String component, String score) {
    return AbstractSliceIT.scoreBody(SESSION, candidate, component, "\"" + score + "\"");
  }

  /** The envelope with the first character of its signature changed. */
  private static String tamper(String envelope) {
    int at = envelope.indexOf("\"sig\":\"") + "\"sig\":\"".length();
    char changed = envelope.charAt(at) == 'A' ? 'B' : 'A';
    return envelope.substring(0, at) + changed + envelope.substring(at + 1);
  }

  @Test
  void storesAWholeSheetOfSignedScoresInOneRequest() {
    long before = node.storedEvents();
    Response r =
        node.post(
            BULK,
            bulk(
                score("C-1", "theory", "41"),
                score("C-1", "practical", "38"),
                score("C-2", "theory", "22"),
                score("C-2", "practical", "47")));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    JsonNode body = r.json();
    assertThat(body.get("count").asInt()).isEqualTo(4);
    assertThat(body.get("results")).hasSize(4);
    assertThat(body.get("results").get(3).get("candidateId").asText()).isEqualTo("C-2");
    assertThat(body.get("results").get(3).get("componentId").asText()).isEqualTo("practical");
    assertThat(body.get("results").get(3).get("actor").asText())
        .isEqualTo(TestActors.EXAMINER.actorId());
    assertThat(node.storedEvents()).isEqualTo(before + 4);
  }

  @Test
  void aStatementRefusedByTheDomainRefusesTheWholeAndStoresNothing() {
    long before = node.storedEvents();
    String theory = score("C-3", "theory", "40");
    String practical = score("C-3", "practical", "30");
    // the bulk's own first statement recorded this score: the rules see earlier statements
    Response r = node.post(BULK, bulk(theory, practical, score("C-3", "theory", "44")));
    assertProblem(r, 409, "score-already-recorded", "componentId");
    assertThat(r.json().get("index").asInt()).isEqualTo(2);
    assertThat(r.json().get("count").asInt()).isEqualTo(3);
    assertThat(r.json().get("detail").asText()).startsWith("statement 2 of 3 was refused");
    assertThat(node.storedEvents()).isEqualTo(before);
    // nothing of it was kept, not even the admission of the first two: they are accepted now
    Response again = node.post(BULK, bulk(theory, practical));
    assertThat(again.status()).as(again.body()).isEqualTo(201);
    assertThat(node.storedEvents()).isEqualTo(before + 2);
  }

  @Test
  void aBadSignatureRefusesTheWholeWithItsIndex() {
    long before = node.storedEvents();
    String good = score("C-4", "theory", "40");
    String tampered = tamper(score("C-4", "practical", "30"));
    Response r = node.post(BULK, bulk(good, tampered));
    assertProblem(r, 403, "bad-signature", "signatures");
    assertThat(r.json().get("index").asInt()).isEqualTo(1);
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  @Test
  void theSameStatementTwiceInOneBulkIsAReplayAndNothingIsStored() {
    long before = node.storedEvents();
    String once = score("C-4", "practical", "31");
    Response r = node.post(BULK, bulk(once, once));
    assertProblem(r, 409, "statement-replayed", "nonce");
    assertThat(r.json().get("index").asInt()).isEqualTo(1);
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  @Test
  void aStatementAdmittedInAnEarlierRequestIsRefusedAtItsIndexBeforeALaterRefusal() {
    String stored = score("C-5", "theory", "40");
    Response first = node.post(BULK, bulk(stored));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long before = node.storedEvents();
    // the replay check is one query for the whole bulk, made after each statement's own checks;
    // still the first refusal in the bulk's order is the one answered
    Response r =
        node.post(
            BULK,
            bulk(score("C-5", "practical", "30"), stored, tamper(score("C-5", "practical", "20"))));
    assertProblem(r, 409, "statement-replayed", "nonce");
    assertThat(r.json().get("index").asInt()).isEqualTo(1);
    Response replayLast = node.post(BULK, bulk(score("C-5", "practical", "30"), stored));
    assertProblem(replayLast, 409, "statement-replayed", "nonce");
    assertThat(replayLast.json().get("index").asInt()).isEqualTo(1);
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  @Test
  void aReplayIsRefusedWhenItsTurnComesAfterAnEarlierStatementsOwnRefusal() {
    String stored = score("C-6", "practical", "33");
    Response first = node.post(BULK, bulk(score("C-6", "theory", "41"), stored));
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    long before = node.storedEvents();
    // statement 0 is a second theory score (refused by the domain), statement 1 a replay: the
    // first refusal in the bulk's order is answered, as two single requests would be answered
    Response r = node.post(BULK, bulk(score("C-6", "theory", "42"), stored));
    assertProblem(r, 409, "score-already-recorded", "componentId");
    assertThat(r.json().get("index").asInt()).isEqualTo(0);
    // and a replay ahead of a statement the domain refuses is answered at its own index
    Response replayFirst = node.post(BULK, bulk(stored, score("C-6", "theory", "42")));
    assertProblem(replayFirst, 409, "statement-replayed", "nonce");
    assertThat(replayFirst.json().get("index").asInt()).isEqualTo(0);
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  @Test
  void aStatementForAnotherSessionRefusesTheWhole() {
    long before = node.storedEvents();
    String elsewhere = AbstractSliceIT.scoreBody("S-OTHER", "C-4", "practical", "\"31\"");
    Response r = node.post(BULK, bulk(score("C-4", "theory", "12"), elsewhere));
    assertProblem(r, 400, "url-mismatch", "subject");
    assertThat(r.json().get("index").asInt()).isEqualTo(1);
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  @Test
  void aBodyThatIsNotABulkIsRefused() {
    assertProblem(node.post(BULK, "{\"statements\":[]}"), 400, "malformed-bulk", "statements");
    assertProblem(
        node.post(BULK, score("C-4", "theory", "12")), 400, "malformed-bulk", "statements");
  }

  /**
   * The same statement sent twice at once, alone and in a bulk: the bulk meets the other writer's
   * uncommitted {@code admitted_statement} row before it has loaded its session, so it waits for
   * that writer holding no aggregate lock, and the session's other statements go on meanwhile.
   * (Before, the bulk had locked the session at its first statement and waited at this one; a
   * writer that then needed the session waited for the bulk, and the bulk for it, until the 30 s
   * query timeout.) The other writer is played here by a transaction of the test's own.
   */
  @Test
  void aBulkWaitingForAnotherWritersCopyOfAStatementHoldsNoSessionLock() throws Exception {
    String contested = score("C-7", "theory", "40");
    AdmittedStatement copy =
        node.context()
            .getBean(Admission.class)
            .batch()
            .admitUnlessReplayed(contested, Set.of(StatementTypes.SCORE_RECORD));
    long before = node.storedEvents();
    ExecutorService clients = Executors.newFixedThreadPool(2);
    try (Connection other = db.connect()) {
      other.setAutoCommit(false);
      try (PreparedStatement insert =
          other.prepareStatement(
              "INSERT INTO admitted_statement (statement_hash, actor_id, nonce, statement_type,"
                  + " signed, admitted_at) VALUES (?, ?, ?, ?, true, now())")) {
        insert.setString(1, copy.statementHash());
        insert.setString(2, copy.actorId());
        insert.setString(3, copy.nonce());
        insert.setString(4, copy.type());
        insert.executeUpdate();
      }
      Future<Response> bulk =
          clients.submit(
              () ->
                  node.post(
                      BULK,
                      bulk(
                          score("C-8", "theory", "30"),
                          contested,
                          score("C-8", "practical", "31"))));
      Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> sessionsWaitingForALock(other) == 1);
      // a statement about the same session, sent while the bulk waits: the session is not locked
      Future<Response> single =
          clients.submit(
              () ->
                  node.post(
                      "/api/v1/sessions/" + SESSION + "/candidates/C-9/scores",
                      AbstractSliceIT.scoreBody(SESSION, "C-9", "theory", "\"35\"")));
      Response alone = single.get(20, TimeUnit.SECONDS);
      assertThat(alone.status()).as(alone.body()).isEqualTo(201);
      assertThat(bulk).isNotDone();
      // the other writer gives up its copy: the bulk admits the statement and is stored whole
      other.rollback();
      Response whole = bulk.get(20, TimeUnit.SECONDS);
      assertThat(whole.status()).as(whole.body()).isEqualTo(201);
      assertThat(node.storedEvents()).isEqualTo(before + 4);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aBulkWaitsWhileTheLogIsBehindAndGoesOnOnceTheSequencerCatchesUp() throws Exception {
    db.awaitSealed(Duration.ofSeconds(30));
    EventProcessor sequencer =
        node.context()
            .getBean(EventProcessingConfiguration.class)
            .eventProcessor(LedgerSequencer.PROCESSING_GROUP)
            .orElseThrow();
    Timer waits =
        node.context().getBean(MeterRegistry.class).get("ledger.bulk.pacing.wait").timer();
    long waitedBefore = waits.count();
    ExecutorService clients = Executors.newSingleThreadExecutor();
    sequencer.shutDown();
    try {
      // the log is level: this bulk goes in at once and leaves 3 events ahead of the log
      Response ahead =
          node.post(
              BULK,
              bulk(
                  score("C-10", "theory", "41"),
                  score("C-10", "practical", "42"),
                  score("C-11", "theory", "43")));
      assertThat(ahead.status()).as(ahead.body()).isEqualTo(201);
      assertThat(waits.count()).isEqualTo(waitedBefore);
      long stored = node.storedEvents();
      Future<Response> paced =
          clients.submit(() -> node.post(BULK, bulk(score("C-11", "practical", "44"))));
      // more than 2 events ahead and the sequencer stopped: the bulk waits, and stores nothing
      assertThatThrownBy(() -> paced.get(2, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
      assertThat(node.storedEvents()).isEqualTo(stored);
      sequencer.start();
      Response answered = paced.get(30, TimeUnit.SECONDS);
      assertThat(answered.status()).as(answered.body()).isEqualTo(201);
      assertThat(node.storedEvents()).isEqualTo(stored + 1);
      assertThat(waits.count()).isEqualTo(waitedBefore + 1);
    } finally {
      if (!sequencer.isRunning()) {
        sequencer.start();
      }
      clients.shutdownNow();
    }
  }

  /** Backends of the test's database, other than {@code own}, waiting for a lock. */
  private static int sessionsWaitingForALock(Connection own) throws SQLException {
    try (PreparedStatement q =
            own.prepareStatement(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()");
        ResultSet rs = q.executeQuery()) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
