package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  private static final String SIGNER = "admin-01";
  private static final String READER = "reader-in-outage";
  private static final String PASSWORD = "outage-it-password";
  private static final Pattern INDEX = Pattern.compile("\"index\"\\s*:\\s*(\\d+)");

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** One write's outcome, by its session id. */
  private record Outcome(
      String sessionId, int status, String retryAfter, String body, long answeredAt) {}

  private record Answer(int status, String retryAfter, String contentType, String body) {}

  @Test
  void databaseRestart_answers503WhileAway_recoversAlone_losesNothingAcknowledged(@TempDir Path dir)
      throws Exception {
    try (ThrowawayPostgres server = ThrowawayPostgres.create("ledger_outage_it")) {
      String url = server.createDatabase("ledger");
      try (LedgerProcess node =
          new LedgerProcess(
              "outage-it-node", url, "postgres", dir.resolve("data"), dir.resolve("log.pem"))) {
        node.start();
        node.awaitReady();
        LedgerProcess.addAccount(
            url, "postgres", SIGNER, PASSWORD, "EXAMINER,PROCTOR,STATION_ADMIN,SUPERVISOR", SIGNER);
        LedgerProcess.addAccount(url, "postgres", READER, PASSWORD, "AUDITOR", READER);
        Answer genesis = post(node, "/api/v1/statements", TestActors.genesisBody());
        assertThat(genesis.status()).as(genesis.body()).isEqualTo(201);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong outageEnded = new AtomicLong(Long.MAX_VALUE);
        AtomicInteger sequence = new AtomicInteger();
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
          Thread t =
              new Thread(
                  () -> {
                    while (running.get()) {
                      String sessionId = "S-OUT-" + sequence.incrementAndGet();
                      Answer r =
                          post(node, "/api/v1/sessions", AbstractSliceIT.scheduleBody(sessionId));
                      outcomes.add(
                          new Outcome(
                              sessionId, r.status(), r.retryAfter(), r.body(), System.nanoTime()));
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
          await().atMost(GENEROUS).until(() -> unavailable(outcomes) >= 3);
          // sign-in needs the accounts table for a caller not yet signed in: 503 too
          Answer signIn = get(node, "/api/v1/log/checkpoint", READER);
          assertUnavailable(signIn.status(), signIn.retryAfter(), signIn.body());
          assertThat(signIn.contentType()).startsWith("application/problem+json");
          Answer health = get(node, "/actuator/health", null);
          assertThat(health.status()).isEqualTo(503);
          assertThat(health.body()).contains("\"status\":\"DOWN\"");

          server.start();
          outageEnded.set(System.nanoTime());
          // no restart of the service: writes are acknowledged again by themselves
          await()
              .atMost(GENEROUS)
              .until(
                  () ->
                      outcomes.stream()
                              .filter(o -> o.status() == 201 && o.answeredAt() > outageEnded.get())
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

        // the sequencer and every other tracking processor came back and caught up
        await()
            .atMost(GENEROUS)
            .until(
                () ->
                    count(url, "SELECT COUNT(*) FROM domain_event_entry")
                        == count(url, "SELECT COUNT(*) FROM ledger_leaf"));
        long newest = count(url, "SELECT MAX(global_index) FROM domain_event_entry");
        await()
            .atMost(GENEROUS)
            .untilAsserted(
                () ->
                    assertThat(tokens(url))
                        .as("every tracking processor's token reaches the newest event " + newest)
                        .hasSizeGreaterThanOrEqualTo(5)
                        .allSatisfy((name, index) -> assertThat(index).as(name).isEqualTo(newest)));

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
        // and the same process serves reads from the returned database
        assertThat(get(node, "/api/v1/log/checkpoint", READER).status()).isEqualTo(200);
      }
    }
  }

  /** Each tracking processor's token position (the highest global index it has seen). */
  private static Map<String, Long> tokens(String url) throws SQLException {
    Map<String, Long> tokens = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url, "postgres", "");
        PreparedStatement p =
            c.prepareStatement(
                "SELECT processor_name, convert_from(token, 'UTF8') FROM token_entry"
                    + " WHERE token IS NOT NULL");
        ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        // the highest "index" in the token (a replay token nests the one it was reset at)
        Matcher m = INDEX.matcher(rs.getString(2));
        long index = -1;
        while (m.find()) {
          index = Math.max(index, Long.parseLong(m.group(1)));
        }
        tokens.put(rs.getString(1), index);
      }
    }
    return tokens;
  }

  private Answer post(LedgerProcess node, String path, String body) {
    return send(
        HttpRequest.newBuilder(URI.create(node.url() + path))
            .header("Content-Type", "application/json")
            .header("Authorization", LedgerNode.basic(SIGNER, PASSWORD))
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private Answer get(LedgerProcess node, String path, String username) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(node.url() + path)).GET();
    if (username != null) {
      request.header("Authorization", LedgerNode.basic(username, PASSWORD));
    }
    return send(request);
  }

  /** Every request is answered within the client's 30 s, or the test fails: no hangs. */
  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> r =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Retry-After").orElse(null),
          r.headers().firstValue("Content-Type").orElse(""),
          r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
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
