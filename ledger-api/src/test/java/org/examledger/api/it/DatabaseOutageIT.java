package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.api.security.AccountRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database server stops in the middle of a signed write load and starts again. While it is away
 * the service answers 503 with Retry-After as problem details (statements and sign-in alike),
 * neither 500 nor a hang; afterwards it serves writes again without a restart, its tracking
 * processors and the sequencer resume, and every acknowledged write is stored once and sealed. The
 * server is a throwaway cluster of the test's own ({@link ThrowawayPostgres}), never the shared
 * one.
 */
class DatabaseOutageIT {

  private static final Duration GENEROUS = Duration.ofSeconds(90);
  private static final int CLIENTS = 2;

  /** One write's outcome, by its session id. */
  private record Outcome(String sessionId, int status, String retryAfter, String body) {}

  @Test
  void databaseRestart_answers503WhileAway_recoversAlone_losesNothingAcknowledged(@TempDir Path dir)
      throws Exception {
    try (ThrowawayPostgres server = ThrowawayPostgres.create("ledger_outage_it")) {
      String url = server.createDatabase("ledger");
      Map<String, String> settings = new HashMap<>();
      settings.put("spring.datasource.url", url);
      settings.put("spring.datasource.username", "postgres");
      settings.put("spring.datasource.password", "");
      settings.put("ledger.node-id", "outage-it-node");
      settings.put("ledger.data-dir", dir.toString());
      settings.put("ledger.limits.writes-per-second", "0");
      try (LedgerNode node = LedgerNode.start(settings)) {
        TestActors.ensureAdmin(node);
        write(node, "S-WARMUP"); // the signer's account, signed in once
        node.account("reader-in-outage", "reader-in-outage", AccountRole.AUDITOR);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong outageStarted = new AtomicLong(Long.MAX_VALUE);
        AtomicLong outageEnded = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger sequence = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Thread t =
              new Thread(
                  () -> {
                    while (running.get()) {
                      String sessionId = "S-OUT-" + sequence.incrementAndGet();
                      Response r =
                          node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(sessionId));
                      outcomes.add(
                          new Outcome(sessionId, r.status(), r.header("Retry-After"), r.body()));
                      answeredAt.put(sessionId, System.nanoTime());
                    }
                  },
                  "outage-client-" + c);
          t.setDaemon(true);
          clients.add(t);
          t.start();
        }
        try {
          await().atMost(GENEROUS).until(() -> acknowledged(outcomes) >= 5);

          server.stop();
          outageStarted.set(System.nanoTime());
          await().atMost(GENEROUS).until(() -> unavailable(outcomes) >= 3);
          // sign-in needs the accounts table for a caller not yet signed in: 503 too
          Response signIn = node.as("reader-in-outage").get("/api/v1/log/checkpoint");
          assertUnavailable(signIn.status(), signIn.header("Retry-After"), signIn.body());
          assertThat(signIn.contentType()).startsWith("application/problem+json");
          Response health = node.withAuthorization(null).get("/actuator/health");
          assertThat(health.status()).isEqualTo(503);
          assertThat(health.json().path("status").asText()).isEqualTo("DOWN");

          server.start();
          outageEnded.set(System.nanoTime());
          // no restart of the service: writes are acknowledged again by themselves
          await()
              .atMost(GENEROUS)
              .until(
                  () ->
                      outcomes.stream()
                              .filter(o -> o.status() == 201)
                              .filter(o -> answeredAt.get(o.sessionId()) > outageEnded.get())
                              .count()
                          >= 5);
        } finally {
          running.set(false);
          for (Thread t : clients) {
            t.join(Duration.ofSeconds(60).toMillis());
          }
        }

        List<Outcome> all = List.copyOf(outcomes);
        for (Outcome o : all) {
          if (o.status() != 201) {
            assertUnavailable(o.status(), o.retryAfter(), o.body());
          }
        }
        List<String> acked =
            all.stream().filter(o -> o.status() == 201).map(Outcome::sessionId).toList();
        List<String> refused =
            all.stream().filter(o -> o.status() == 503).map(Outcome::sessionId).toList();

        // the tracking processors and the sequencer came back: every event gets its leaf
        await()
            .atMost(GENEROUS)
            .until(
                () ->
                    count(url, "SELECT COUNT(*) FROM domain_event_entry")
                        == count(url, "SELECT COUNT(*) FROM ledger_leaf"));
        EventProcessingConfiguration processing =
            node.context().getBean(EventProcessingConfiguration.class);
        await()
            .atMost(GENEROUS)
            .untilAsserted(
                () ->
                    processing
                        .eventProcessors()
                        .forEach(
                            (name, p) -> {
                              assertThat(p.isRunning()).as(name + " running").isTrue();
                              assertThat(p.isError()).as(name + " in error").isFalse();
                              if (p instanceof TrackingEventProcessor t) {
                                assertThat(t.processingStatus().values())
                                    .as(name + " caught up")
                                    .allMatch(s -> s.isCaughtUp() && !s.isErrorState());
                              }
                            }));

        int lost = 0;
        int duplicated = 0;
        for (String sessionId : acked) {
          long events = eventsOf(url, sessionId);
          lost += events == 0 ? 1 : 0;
          duplicated += events > 1 ? 1 : 0;
        }
        int refusedButStored = 0;
        for (String sessionId : refused) {
          long events = eventsOf(url, sessionId);
          assertThat(events).as(sessionId + " stored at most once").isLessThanOrEqualTo(1);
          refusedButStored += (int) events;
        }
        System.out.printf(
            "DatabaseOutageIT: writes attempted %d, acknowledged %d, answered 503 %d (of them"
                + " stored after all %d), events %d, leaves %d, duplicates %d, lost %d%n",
            all.size(),
            acked.size(),
            refused.size(),
            refusedButStored,
            count(url, "SELECT COUNT(*) FROM domain_event_entry"),
            count(url, "SELECT COUNT(*) FROM ledger_leaf"),
            duplicated,
            lost);
        assertThat(refused).as("writes answered 503 during the outage").isNotEmpty();
        assertThat(lost).as("acknowledged writes lost").isZero();
        assertThat(duplicated).as("acknowledged writes stored twice").isZero();
        assertThat(count(url, "SELECT COUNT(*) FROM ledger_leaf"))
            .isEqualTo(count(url, "SELECT COUNT(*) FROM domain_event_entry"));
        // and the node serves reads from the returned database, still the same process
        assertThat(node.get("/api/v1/log/checkpoint").status()).isEqualTo(200);
      }
    }
  }

  private static void assertUnavailable(int status, String retryAfter, String body) {
    assertThat(status).as(body).isEqualTo(503);
    assertThat(retryAfter).as("Retry-After of " + body).isEqualTo("5");
    assertThat(body)
        .contains("\"type\":\"urn:examledger:problem:database-unavailable\"")
        .contains("\"rule\":\"database-unavailable\"")
        .contains("the ledger's database cannot be reached");
  }

  private static long acknowledged(ConcurrentLinkedQueue<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.status() == 201).count();
  }

  private static long unavailable(ConcurrentLinkedQueue<Outcome> outcomes) {
    return outcomes.stream().filter(o -> o.status() == 503).count();
  }

  private static void write(LedgerNode node, String sessionId) {
    Response r = node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(sessionId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  private static long eventsOf(String url, String sessionId) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement p =
            c.prepareStatement(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?")) {
      p.setString(1, sessionId);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static long count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement p = c.prepareStatement(sql);
        ResultSet rs = p.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
