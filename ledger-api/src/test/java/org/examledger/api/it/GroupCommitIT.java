package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.examledger.api.it.AbstractSliceIT.assertProblem;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.examledger.api.admission.GroupCommit;
import org.examledger.api.it.LedgerNode.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Group commit on the real application and PostgreSQL: many clients' single score statements at
 * once, some of them refused, each answered as it would be alone; every accepted score stored once,
 * nothing of a refused one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupCommitIT {

  private static final List<String> SESSIONS = List.of("S-GC-1", "S-GC-2", "S-GC-3");
  private static final int CANDIDATES = 8;
  private static final List<String> COMPONENTS = List.of("theory", "practical");

  private PostgresDatabase db;
  private LedgerNode node;
  private final ExecutorService clients = Executors.newFixedThreadPool(16);

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "group-commit");
    TestActors.bootstrap(node);
    for (String session : SESSIONS) {
      assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(session)).status())
          .isEqualTo(201);
      for (int c = 1; c <= CANDIDATES; c++) {
        Response r =
            node.post(
                "/api/v1/sessions/" + session + "/candidates",
                AbstractSliceIT.registerBody(session, "C-" + c));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
      }
      AbstractSliceIT.startSession(node, session);
    }
    // the examiner's sign-in account, made before the clients race to make it
    String examiner = TestActors.EXAMINER.actorId();
    node.account(
        examiner.toLowerCase(java.util.Locale.ROOT),
        examiner,
        LedgerNode.SIGNER_ROLES.toArray(org.examledger.api.security.AccountRole[]::new));
  }

  @AfterAll
  void stop() {
    clients.shutdownNow();
    if (node != null) {
      node.close();
    }
    if (db != null) {
      db.close();
    }
  }

  private Future<Response> post(String session, String candidate, String body) {
    return clients.submit(
        () ->
            node.post(
                "/api/v1/sessions/" + session + "/candidates/" + candidate + "/scores", body));
  }

  private record Sent(
      String session, String candidate, String component, Future<Response> answer) {}

  /**
   * Of two racing statements exactly one is stored, and the other gets the refusal it would alone.
   */
  private static void oneAcceptedOneRefused(
      Response first, Future<Response> racing, String rule, String field) throws Exception {
    Response second = racing.get(60, TimeUnit.SECONDS);
    assertThat(List.of(first.status(), second.status()))
        .as(first.body() + " / " + second.body())
        .containsExactlyInAnyOrder(201, 409);
    assertProblem(first.status() == 201 ? second : first, 409, rule, field);
  }

  @Test
  void concurrentSingleScoresAreEachAnsweredAsAloneAndStoredOnce() throws Exception {
    GroupCommit groups = node.context().getBean(GroupCommit.class);
    long grouped = groups.groupedStatements();
    long decidedAlone = groups.decidedAlone();
    long eventsBefore = node.storedEvents();
    List<Sent> unique = new ArrayList<>();
    List<Future<Response>> secondScores = new ArrayList<>();
    List<Future<Response>> replays = new ArrayList<>();
    for (String session : SESSIONS) {
      for (int c = 1; c <= CANDIDATES; c++) {
        String candidate = "C-" + c;
        for (String component : COMPONENTS) {
          String body =
              AbstractSliceIT.scoreBody(session, candidate, component, "\"" + (30 + c) + "\"");
          unique.add(new Sent(session, candidate, component, post(session, candidate, body)));
          if (c == 2) {
            // the same envelope again: one of the two is a replay
            replays.add(post(session, candidate, body));
          }
          if (c == 3) {
            // another score for the same component: the session refuses one of the two
            secondScores.add(
                post(
                    session,
                    candidate,
                    AbstractSliceIT.scoreBody(session, candidate, component, "\"12\"")));
          }
        }
      }
    }
    int accepted = 0;
    int posted = unique.size() + replays.size() + secondScores.size();
    List<Response> replayPairs = new ArrayList<>();
    List<Response> secondPairs = new ArrayList<>();
    for (Sent s : unique) {
      Response r = s.answer().get(60, TimeUnit.SECONDS);
      if (s.candidate().equals("C-2")) {
        replayPairs.add(r);
        continue;
      }
      if (s.candidate().equals("C-3")) {
        secondPairs.add(r);
        continue;
      }
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      assertThat(r.json().get("sessionId").asText()).isEqualTo(s.session());
      assertThat(r.json().get("candidateId").asText()).isEqualTo(s.candidate());
      assertThat(r.json().get("componentId").asText()).isEqualTo(s.component());
      accepted++;
    }
    for (int i = 0; i < replays.size(); i++) {
      oneAcceptedOneRefused(replayPairs.get(i), replays.get(i), "statement-replayed", "nonce");
      accepted++;
    }
    for (int i = 0; i < secondScores.size(); i++) {
      oneAcceptedOneRefused(
          secondPairs.get(i), secondScores.get(i), "score-already-recorded", "componentId");
      accepted++;
    }
    // one event per accepted score, none for a refused one
    assertThat(node.storedEvents()).isEqualTo(eventsBefore + accepted);
    // every statement went through a group: stored by it, or refused in it and decided alone
    long groupedNow = groups.groupedStatements() - grouped;
    long decidedAloneNow = groups.decidedAlone() - decidedAlone;
    assertThat(groupedNow + decidedAloneNow).isEqualTo(posted);
    assertThat(decidedAloneNow).isGreaterThanOrEqualTo(posted - accepted);
    assertThat(groupedNow).isLessThanOrEqualTo(accepted);
  }
}
