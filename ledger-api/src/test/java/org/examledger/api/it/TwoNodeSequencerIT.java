package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes on one PostgreSQL database: both accept writes, exactly one owns the
 * sequencer's segment, and closing that node hands sequencing to the other without a hole or a
 * duplicate in the leaves.
 */
class TwoNodeSequencerIT {

  private static final Duration GENEROUS = Duration.ofSeconds(60);

  @Test
  void oneNodeSequencesAndTheOtherTakesOverWhenItStops(@TempDir Path keys) throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      List<LedgerNode> running = new ArrayList<>();
      try {
        LedgerNode a = start(db, "node-a", keys);
        running.add(a);
        LedgerNode b = start(db, "node-b", keys);
        running.add(b);
        assertThat(a.get("/api/v1/log/key").body()).isEqualTo(b.get("/api/v1/log/key").body());
        write(a, "S-A1", 3);
        write(b, "S-B1", 3);
        write(a, "S-A2", 2);

        await().atMost(GENEROUS).until(() -> auditor(a).everyEventHasALeaf());
        await().atMost(GENEROUS).until(() -> owners(db).size() == 1 && owners(db).get(0) != null);
        List<String> owners = owners(db);
        assertThat(owners).hasSize(1).first().isIn("node-a", "node-b");
        boolean aOwns = owners.get(0).equals("node-a");
        LedgerNode owner = aOwns ? a : b;
        LedgerNode survivor = aOwns ? b : a;
        String survivorId = aOwns ? "node-b" : "node-a";
        Checkpoint before = auditor(survivor).latestCheckpoint();

        running.remove(owner);
        owner.close();

        write(survivor, "S-AFTER", 4);
        await().atMost(GENEROUS).until(() -> owners(db).equals(List.of(survivorId)));
        await().atMost(GENEROUS).until(() -> auditor(survivor).everyEventHasALeaf());

        LogAuditor auditor = auditor(survivor);
        auditor.assertEveryEventHasExactlyOneContiguousLeaf();
        for (String eventIdentifier : auditor.eventIdentifiers()) {
          auditor.verifyInclusion(eventIdentifier);
        }
        Checkpoint after = auditor.latestCheckpoint();
        assertThat(after.size()).isEqualTo(auditor.storedEvents());
        if (before.size() > 0) {
          auditor.verifyConsistency(before, after);
        }
        assertEveryCheckpointExtendsThePrevious(db, auditor);
      } finally {
        running.forEach(LedgerNode::close);
      }
    }
  }

  /**
   * Each node caches the sessions it has loaded (CheckedCachingRepository). Node A caches the
   * session while it is open; node B then starts it. A score sent to A must be decided on the
   * started session, not refused on A's cached, still-open one.
   */
  @Test
  void aSessionChangedOnTheOtherNodeIsDecidedOnItsStoredState(@TempDir Path keys) {
    try (PostgresDatabase db = PostgresDatabase.create();
        LedgerNode a = start(db, "node-a", keys);
        LedgerNode b = start(db, "node-b", keys)) {
      TestActors.bootstrap(a);
      String session = "S-CACHED";
      assertThat(a.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(session)).status())
          .isEqualTo(201);
      Response registered =
          a.post(
              "/api/v1/sessions/" + session + "/candidates",
              AbstractSliceIT.registerBody(session, "C-1"));
      assertThat(registered.status()).as(registered.body()).isEqualTo(201);
      TestActors.registerStaff(a);
      AbstractSliceIT.assign(a, session, TestActors.EXAMINER.actorId(), "EXAMINER");
      AbstractSliceIT.assign(a, session, TestActors.PROCTOR.actorId(), "PROCTOR");
      Response opened =
          AbstractSliceIT.statement(a, TestActors.ADMIN, "exam.session.open/v1", session, "{}");
      assertThat(opened.status()).as(opened.body()).isEqualTo(201);

      // B learns the keys through its own key-registry projection
      await()
          .atMost(GENEROUS)
          .until(
              () ->
                  b.get("/api/v1/keys/" + TestActors.keyId(TestActors.EXAMINER)).status() == 200
                      && b.get("/api/v1/keys/" + TestActors.keyId(TestActors.PROCTOR)).status()
                          == 200);
      for (Response r :
          List.of(
              AbstractSliceIT.statement(
                  b,
                  TestActors.PROCTOR,
                  "exam.proctor.notice-read/v1",
                  session,
                  "{\"room\":\"R101\"}"),
              AbstractSliceIT.statement(
                  b, TestActors.ADMIN, "exam.session.start/v1", session, "{}"))) {
        assertThat(r.status()).as(r.body()).isEqualTo(201);
      }

      Response score =
          a.post(
              "/api/v1/sessions/" + session + "/candidates/C-1/scores",
              AbstractSliceIT.scoreBody(session, "C-1", "theory", "\"41\""));
      assertThat(score.status()).as(score.body()).isEqualTo(201);
    }
  }

  private static void assertEveryCheckpointExtendsThePrevious(
      PostgresDatabase db, LogAuditor auditor) throws SQLException {
    List<String> notes = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT note FROM ledger_checkpoint ORDER BY tree_size")) {
      while (rs.next()) {
        notes.add(rs.getString(1));
      }
    }
    assertThat(notes).hasSizeGreaterThan(1);
    Checkpoint previous = null;
    for (String note : notes) {
      Checkpoint checkpoint = auditor.verified(note);
      if (previous != null && previous.size() > 0) {
        auditor.verifyConsistency(previous, checkpoint);
      }
      previous = checkpoint;
    }
  }

  private static LedgerNode start(PostgresDatabase db, String nodeId, Path keys) {
    Map<String, String> settings = new HashMap<>();
    settings.put("spring.datasource.url", db.url());
    settings.put("spring.datasource.username", db.user());
    settings.put("spring.datasource.password", "");
    settings.put("ledger.node-id", nodeId);
    settings.put("ledger.data-dir", keys.resolve(nodeId).toString());
    // one log, one key: both nodes sign with the same file
    settings.put("ledger.log.key-file", keys.resolve("log-ed25519.pem").toString());
    return LedgerNode.start(settings);
  }

  private static LogAuditor auditor(LedgerNode node) {
    return new LogAuditor(node, node.context().getBean(DataSource.class));
  }

  private static List<String> owners(PostgresDatabase db) throws SQLException {
    List<String> owners = new ArrayList<>();
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT owner FROM token_entry WHERE processor_name = 'ledger-sequencer'")) {
      while (rs.next()) {
        owners.add(rs.getString(1));
      }
    }
    return owners;
  }

  private static void write(LedgerNode node, String sessionId, int candidates) {
    TestActors.ensureAdmin(node);
    Response r = node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(sessionId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    for (int i = 1; i <= candidates; i++) {
      r =
          node.post(
              "/api/v1/sessions/" + sessionId + "/candidates",
              AbstractSliceIT.registerBody(sessionId, "C-" + i));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
  }
}
