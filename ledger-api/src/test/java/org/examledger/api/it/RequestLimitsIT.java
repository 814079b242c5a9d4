package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.api.security.AccountRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one request may ask of the service, on PostgreSQL: oversized bodies (declared or chunked)
 * and statements get 413, malformed ones 400, a caller writing too fast 429, and a seeded stream of
 * random and mutated bodies at every write endpoint gets problem details, never a 5xx, and stores
 * nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestLimitsIT {

  private static final long SEED = 20261128L;

  @TempDir Path dir;

  private PostgresDatabase db;
  private LedgerNode node;
  private String session;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "limits");
    TestActors.bootstrap(node);
    session = "S-LIMITS-1";
    assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(session)).status())
        .isEqualTo(201);
    for (String candidate : List.of("C-1", "C-2")) {
      Response r =
          node.post(
              "/api/v1/sessions/" + session + "/candidates",
              AbstractSliceIT.registerBody(session, candidate));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
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
  void aBodyOverTheLimitIsRefusedWith413WhetherDeclaredOrChunked() throws Exception {
    long before = node.storedEvents();
    byte[] big = new byte[1024 * 1024 + 1];
    java.util.Arrays.fill(big, (byte) ' ');
    for (boolean chunked : List.of(false, true)) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(node.baseUrl() + "/api/v1/statements"))
              .header("Content-Type", "application/json")
              .header(
                  "Authorization", LedgerNode.basic("admin-01", LedgerNode.password("admin-01")))
              .POST(
                  chunked
                      ? HttpRequest.BodyPublishers.ofInputStream(
                          () -> new ByteArrayInputStream(big))
                      : HttpRequest.BodyPublishers.ofByteArray(big));
      HttpResponse<String> r =
          HttpClient.newHttpClient()
              .send(
                  request.timeout(Duration.ofSeconds(30)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as("chunked " + chunked).isEqualTo(413);
      assertThat(r.body()).contains("\"rule\":\"request-too-large\"");
    }
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  @Test
  void aStatementOverItsLimitIsRefusedWith413AndNamesTheSetting() {
    String padding = "x".repeat(70 * 1024);
    String body =
        TestActors.signed(
            TestActors.ADMIN,
            "exam.incident.record/v1",
            session,
            AbstractSliceIT.json(
                "{\"room\":\"R101\",\"kind\":\"OTHER\",\"description\":\"" + padding + "\"}"));
    Response r = node.post("/api/v1/statements", body);
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body())
        .contains("\"rule\":\"statement-too-large\"")
        .contains("ledger.admission.max-statement-bytes");
  }

  @Test
  void listsComeInPagesOfAtMostTheMaximumWithTheTotalAndTheNextPage() {
    String history = "/api/v1/sessions/" + session + "/history";
    Response all = node.get(history);
    assertThat(all.status()).isEqualTo(200);
    int total = all.json().size();
    assertThat(total).isEqualTo(3);
    assertThat(all.header("X-Total-Count")).isEqualTo(Integer.toString(total));
    assertThat(all.header("Link")).isNull();
    Response first = node.get(history + "?limit=1");
    assertThat(first.json().size()).isEqualTo(1);
    assertThat(first.header("Link")).endsWith(history + "?offset=1&limit=1>; rel=\"next\"");
    assertThat(node.get(history + "?offset=" + total).json().size()).isZero();
    AbstractSliceIT.assertProblem(node.get(history + "?limit=1001"), 400, "invalid-limit", "limit");
    AbstractSliceIT.assertProblem(
        node.get(history + "?offset=-1"), 400, "invalid-offset", "offset");
    AbstractSliceIT.assertProblem(node.get("/api/v1/flags?limit=0"), 400, "invalid-limit", "limit");
  }

  @Test
  void malformedBodiesGet400AndAWrongMediaType415() {
    AbstractSliceIT.assertProblem(
        node.post("/api/v1/statements", "{\"payload\": "), 400, "malformed-json", null);
    Response text = node.as(LedgerNode.OPERATOR).post("/api/v1/statements", "text/plain", "hello");
    assertThat(text.status()).isEqualTo(415);
    assertThat(text.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aCallerWritingFasterThanTheLimitGets429WithRetryAfter() {
    try (LedgerNode slow =
        LedgerNode.start(
            Map.of(
                "ledger.data-dir",
                dir.resolve("slow").toString(),
                "ledger.limits.writes-per-second",
                "3"))) {
      slow.account("fast-writer", "admin-01", AccountRole.STATION_ADMIN);
      List<Integer> statuses = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        statuses.add(slow.as("fast-writer").post("/api/v1/statements", "{}").status());
      }
      assertThat(statuses).contains(429).contains(400);
      Response limited = null;
      for (int i = 0; i < 12 && limited == null; i++) {
        Response r = slow.as("fast-writer").post("/api/v1/statements", "{}");
        if (r.status() == 429) {
          limited = r;
        }
      }
      assertThat(limited).isNotNull();
      assertThat(limited.body()).contains("\"rule\":\"too-many-writes\"");
      // reads are not limited
      for (int i = 0; i < 10; i++) {
        assertThat(slow.get("/api/v1/log/key").status()).isEqualTo(200);
      }
    }
  }

  /**
   * A short, seeded fuzz run of the request bodies: random bytes, and valid statements truncated,
   * with bytes flipped, spliced, or nested deep, at every write endpoint. The longer run is the
   * same test with -Dfuzz.requests=N (docs/fuzzing.md).
   */
  @Test
  void randomAndMutatedBodiesGetProblemDetailsNever5xxAndStoreNothing() {
    int requests = Integer.getInteger("fuzz.requests", 300);
    Random random = new Random(SEED);
    List<String> endpoints =
        List.of(
            "/api/v1/statements",
            "/api/v1/sessions",
            "/api/v1/sessions/" + session + "/candidates",
            "/api/v1/sessions/" + session + "/candidates/C-1/scores",
            "/api/v1/log/add-checkpoint");
    Set<Integer> expected = Set.of(400, 403, 404, 409, 413, 415);
    long before = node.storedEvents();
    List<String> wrong = new ArrayList<>();
    LedgerNode.Client admin = node.as("admin-01");
    for (int i = 0; i < requests; i++) {
      String body = mutant(random);
      String endpoint = endpoints.get(random.nextInt(endpoints.size()));
      Response r = admin.post(endpoint, body);
      // the per-caller write limit (200/s) is a correct answer too, but every body must reach the
      // parser: wait as told and send it again
      for (int retry = 0; r.status() == 429 && retry < 5; retry++) {
        sleepSeconds(Long.parseLong(r.header("Retry-After")));
        r = admin.post(endpoint, body);
      }
      if (!expected.contains(r.status())
          || !r.contentType().startsWith("application/problem+json")) {
        wrong.add(
            "#"
                + i
                + " "
                + endpoint
                + " -> "
                + r.status()
                + " "
                + r.body()
                + " for "
                + abbrev(body));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(node.storedEvents()).isEqualTo(before);
  }

  private String mutant(Random random) {
    String valid =
        switch (random.nextInt(3)) {
          case 0 -> AbstractSliceIT.scheduleBody("S-FUZZ-" + random.nextInt(1000));
          case 1 -> AbstractSliceIT.registerBody(session, "C-" + random.nextInt(1000));
          default -> AbstractSliceIT.scoreBody(session, "C-1", "theory", "40");
        };
    byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
    switch (random.nextInt(6)) {
      case 0 -> {
        byte[] noise = new byte[random.nextInt(2048)];
        random.nextBytes(noise);
        return new String(noise, StandardCharsets.ISO_8859_1);
      }
      case 1 -> {
        return valid.substring(0, random.nextInt(valid.length()));
      }
      case 2 -> {
        for (int k = 0; k < 1 + random.nextInt(4); k++) {
          int at = random.nextInt(bytes.length);
          bytes[at] = (byte) (bytes[at] ^ (1 << random.nextInt(8)));
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
      }
      case 3 -> {
        int cut = random.nextInt(valid.length());
        return valid.substring(cut) + valid.substring(0, cut);
      }
      case 4 -> {
        int depth = 1 + random.nextInt(100_000);
        return "[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : 0);
      }
      default -> {
        String[] odd = {
          "{\"payloadType\":1e400}",
          "{\"payload\":\"\\ud800\"}",
          "{\"a\":1,\"a\":2}",
          "null",
          "\"\"",
          "{\"statement\":{\"v\":1,\"type\":null}}",
          "{\"payloadType\":\"application/vnd.examledger.statement+json\",\"payload\":\"%%%\","
              + "\"signatures\":[]}",
          "-0",
          "{\"payload\":\"" + "A".repeat(random.nextInt(60_000)) + "\"}"
        };
        return odd[random.nextInt(odd.length)];
      }
    }
  }

  private static String abbrev(String body) {
    return body.length() > 120 ? body.substring(0, 120) + "..." : body;
  }

  private static void sleepSeconds(long seconds) {
    try {
      Thread.sleep(seconds * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
