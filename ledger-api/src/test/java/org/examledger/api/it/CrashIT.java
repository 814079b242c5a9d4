package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.examledger.api.verify.LedgerVerify;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application nodes, each its own process running the application jar, on one fresh PostgreSQL
 * database, under a signed write load from clients that record every write's session id and nonce
 * and whether it was acknowledged (201). In the middle of the load a node that does not own the
 * sequencer is killed with SIGKILL and restarted, then the node that owns it ({@code
 * token_entry.owner} of {@code ledger-sequencer}) likewise. Then: every acknowledged write is
 * stored exactly once; an unacknowledged one is either wholly stored (its event and its admission
 * row) or absent; every event has exactly one leaf and every leaf an event; the survivor took the
 * sequencer over and sealed on; {@code ./ledger verify} passes.
 */
class CrashIT {

  private static final Duration GENEROUS = Duration.ofSeconds(60);
  private static final int CLIENTS = 4;
  private static final Duration THINK_TIME = Duration.ofMillis(50);
  private static final String SIGNER = "admin-01";
  private static final String PASSWORD = "crash-it-password";
  private static final String SEQUENCER = "ledger-sequencer";

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One write as the client saw it: status 201 acknowledged, -1 no answer (connection lost). */
  private record Attempt(String sessionId, String nonce, String node, int status) {}

  @Test
  void killedNodes_loseNoAcknowledgedWrite_andTheLogStaysComplete(@TempDir Path dir)
      throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      Path keyFile = dir.resolve("log-ed25519.pem");
      LedgerProcess a =
          new LedgerProcess("crash-node-a", db.url(), db.user(), dir.resolve("a"), keyFile);
      LedgerProcess b =
          new LedgerProcess("crash-node-b", db.url(), db.user(), dir.resolve("b"), keyFile);
      List<LedgerProcess> nodes = List.of(a, b);
      AtomicBoolean running = new AtomicBoolean(true);
      List<Thread> clients = new ArrayList<>();
      ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
      try {
        try {
          a.start();
          // the first node creates the log key file the second one reads
          await().atMost(Duration.ofSeconds(240)).until(() -> Files.exists(keyFile));
          b.start();
          a.awaitReady();
          b.awaitReady();
          LedgerProcess.addAccount(
              db.url(),
              db.user(),
              SIGNER,
              PASSWORD,
              "EXAMINER,PROCTOR,STATION_ADMIN,SUPERVISOR",
              SIGNER);
          int genesis = post(a, "/api/v1/statements", TestActors.genesisBody());
          assertThat(genesis).isEqualTo(201);

          AtomicInteger turn = new AtomicInteger();
          for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            Thread t =
                new Thread(
                    () -> {
                      for (int n = 1; running.get(); n++) {
                        LedgerProcess node = pick(nodes, turn.incrementAndGet());
                        String sessionId = "S-C" + client + "-" + n;
                        String nonce = "crash-" + client + "-" + n;
                        String body =
                            TestActors.ADMIN
                                .sign(
                                    StatementTypes.SESSION_SCHEDULE,
                                    sessionId,
                                    AbstractSliceIT.json(AbstractSliceIT.SESSION_PAYLOAD),
                                    Instant.now(),
                                    nonce)
                                .toJson();
                        attempts.add(
                            new Attempt(
                                sessionId,
                                nonce,
                                node.nodeId,
                                post(node, "/api/v1/sessions", body)));
                      }
                    },
                    "crash-client-" + c);
            t.setDaemon(true);
            clients.add(t);
            t.start();
          }
          await().atMost(GENEROUS).until(() -> acknowledged(attempts) >= 40);

          // 1. a node that does not sequence dies and comes back
          String owner = awaitOwner(db);
          LedgerProcess sequencing = owner.equals(a.nodeId) ? a : b;
          LedgerProcess other = sequencing == a ? b : a;
          other.kill();
          long beforeRestart = acknowledged(attempts);
          await().atMost(GENEROUS).until(() -> acknowledged(attempts) >= beforeRestart + 20);
          other.start();
          other.awaitReady();
          assertThat(awaitOwner(db)).isEqualTo(sequencing.nodeId);
          long afterRestart = acknowledged(attempts);
          await().atMost(GENEROUS).until(() -> acknowledged(attempts) >= afterRestart + 20);

          // 2. the node that owns the sequencer dies: the survivor takes over and seals on
          owner = awaitOwner(db);
          LedgerProcess victim = owner.equals(a.nodeId) ? a : b;
          LedgerProcess survivor = victim == a ? b : a;
          victim.kill();
          long leavesAtKill = count(db, "SELECT COUNT(*) FROM ledger_leaf");
          await().atMost(GENEROUS).until(() -> survivor.nodeId.equals(owner(db)));
          await()
              .atMost(GENEROUS)
              .until(() -> count(db, "SELECT COUNT(*) FROM ledger_leaf") > leavesAtKill + 20);
          victim.start();
          victim.awaitReady();
          long afterSecondRestart = acknowledged(attempts);
          await().atMost(GENEROUS).until(() -> acknowledged(attempts) >= afterSecondRestart + 20);
        } finally {
          running.set(false);
          for (Thread t : clients) {
            t.join(Duration.ofSeconds(40).toMillis());
          }
        }
        await()
            .atMost(GENEROUS)
            .until(
                () ->
                    count(db, "SELECT COUNT(*) FROM ledger_leaf")
                            == count(db, "SELECT COUNT(*) FROM domain_event_entry")
                        && count(db, "SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint")
                            == count(db, "SELECT COUNT(*) FROM domain_event_entry"));
      } finally {
        for (LedgerProcess node : nodes) {
          node.close();
        }
      }

      List<Attempt> all = List.copyOf(attempts);
      int acked = 0;
      int found = 0;
      int duplicates = 0;
      int lost = 0;
      int unackedStored = 0;
      try (Connection c = db.connect();
          PreparedStatement events =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?");
          PreparedStatement admitted =
              c.prepareStatement(
                  "SELECT COUNT(*) FROM admitted_statement WHERE actor_id = ? AND nonce = ?")) {
        for (Attempt attempt : all) {
          long stored = single(events, attempt.sessionId());
          long admissions = single(admitted, SIGNER, attempt.nonce());
          assertThat(admissions)
              .as("admission row and event of " + attempt + " are stored together or not at all")
              .isEqualTo(stored);
          if (attempt.status() == 201) {
            acked++;
            found += stored >= 1 ? 1 : 0;
            lost += stored == 0 ? 1 : 0;
          } else {
            assertThat(attempt.status())
                .as(attempt + ": only a lost connection or a refusal while a node went away")
                .isIn(-1, 503);
            unackedStored += (int) stored;
          }
          duplicates += stored > 1 ? 1 : 0;
        }
      }
      long events = count(db, "SELECT COUNT(*) FROM domain_event_entry");
      long leaves = count(db, "SELECT COUNT(*) FROM ledger_leaf");
      System.out.printf(
          "CrashIT: writes attempted %d, acknowledged %d, found %d, unacknowledged but stored %d,"
              + " events %d, leaves %d, duplicates %d, lost %d%n",
          all.size(), acked, found, unackedStored, events, leaves, duplicates, lost);
      assertThat(lost).as("acknowledged writes lost").isZero();
      assertThat(duplicates).as("writes stored more than once").isZero();
      assertThat(found).isEqualTo(acked);
      // the genesis key, then one event per stored write
      assertThat(events).isEqualTo(1 + found + unackedStored);
      assertEveryEventHasExactlyOneLeaf(db, events);

      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int exit =
          LedgerVerify.run(
              new String[] {
                "--db-url", db.url(), "--db-user", db.user(), "--log-key", keyFile.toString()
              },
              Map.of(),
              new PrintStream(out, true, StandardCharsets.UTF_8),
              new PrintStream(out, true, StandardCharsets.UTF_8));
      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(exit).as(report).isZero();
      assertThat(report).containsPattern("(?m)^OK: " + events + " events, " + events + " leaves, ");
    }
  }

  private static void pause() {
    try {
      Thread.sleep(THINK_TIME.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static LedgerProcess pick(List<LedgerProcess> nodes, int turn) {
    LedgerProcess first = nodes.get(turn % nodes.size());
    return first.up ? first : nodes.get((turn + 1) % nodes.size());
  }

  private static long acknowledged(ConcurrentLinkedQueue<Attempt> attempts) {
    return attempts.stream().filter(a -> a.status() == 201).count();
  }

  private static void assertEveryEventHasExactlyOneLeaf(PostgresDatabase db, long events)
      throws SQLException {
    assertThat(count(db, "SELECT COUNT(*) FROM ledger_leaf")).isEqualTo(events);
    assertThat(count(db, "SELECT COALESCE(MAX(leaf_index), -1) + 1 FROM ledger_leaf"))
        .as("leaf indexes run 0..n-1")
        .isEqualTo(events);
    assertThat(
            count(
                db,
                "SELECT COUNT(*) FROM domain_event_entry e JOIN ledger_leaf l"
                    + " ON l.event_identifier = e.event_identifier"
                    + " AND l.global_index = e.global_index"))
        .as("every leaf names its event, every event has its leaf")
        .isEqualTo(events);
    assertThat(count(db, "SELECT tree_size FROM ledger_log_state")).isEqualTo(events);
  }

  private static String awaitOwner(PostgresDatabase db) throws SQLException {
    await().atMost(GENEROUS).until(() -> owner(db) != null);
    return owner(db);
  }

  /** The node holding the sequencer's segment, or null while nobody does. */
  private static String owner(PostgresDatabase db) throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement p =
            c.prepareStatement("SELECT owner FROM token_entry WHERE processor_name = ?")) {
      p.setString(1, SEQUENCER);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  private static long single(PreparedStatement p, String... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      p.setString(i + 1, params[i]);
    }
    try (ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long count(PostgresDatabase db, String sql) throws SQLException {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** POSTs a signed statement as the signer; -1 when the node gave no answer. */
  private int post(LedgerProcess node, String path, String body) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .header("Authorization", LedgerNode.basic(SIGNER, PASSWORD))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try {
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }
}
