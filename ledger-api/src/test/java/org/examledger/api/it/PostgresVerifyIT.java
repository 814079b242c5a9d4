package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.examledger.api.it.LedgerNode.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ledger verify} against the real PostgreSQL: a ledger written through the API (signed
 * statements, one unsigned entry), sequenced and checkpointed, then the service stopped. Each test
 * verifies its own copy of that database ({@code CREATE DATABASE ... TEMPLATE}), tampered as the
 * superuser with the append-only triggers disabled, and asserts the verifier fails and names the
 * event.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostgresVerifyIT {

  private static final AtomicInteger COPIES = new AtomicInteger();
  private static final long EVENTS = 15;

  private PostgresDatabase db;
  private Path logKey;
  private final Map<String, String> eventIds = new HashMap<>();

  @BeforeAll
  void writeSealAndStop(@TempDir Path dir) throws Exception {
    db = PostgresDatabase.create();
    try (LedgerNode node = LedgerNode.start(db.nodeSettings("verify-it-node", dir))) {
      TestActors.bootstrap(node);
      created(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody("S-V")), "schedule");
      created(
          node.post("/api/v1/sessions/S-V/candidates", AbstractSliceIT.registerBody("S-V", "C-1")),
          "register C-1");
      created(
          node.post("/api/v1/sessions/S-V/candidates", AbstractSliceIT.registerBody("S-V", "C-2")),
          "register C-2");
      // assign examiner-07 and proctor-03, open, Candidate Notice in R101, start: five events of
      // S-V, and two key registrations (proctor, chief) of the registry
      AbstractSliceIT.startSession(node, "S-V");
      created(
          node.post(
              "/api/v1/sessions/S-V/candidates/C-1/scores",
              AbstractSliceIT.scoreBody("S-V", "C-1", "theory", "\"31.5\"")),
          "score 31.5");
      created(
          node.post(
              "/api/v1/sessions/S-V/candidates/C-1/scores",
              AbstractSliceIT.scoreBody("S-V", "C-1", "practical", "\"30\"")),
          "score 30");
      String unsigned =
          "{\"statement\":{\"v\":1,\"type\":\"exam.score.record/v1\",\"subject\":\"S-V\","
              + "\"payload\":{\"candidateId\":\"C-2\",\"componentId\":\"theory\","
              + "\"score\":\"40\"},\"actor\":\"examiner-07\",\"issuedAt\":\""
              + Instant.now()
              + "\",\"nonce\":\""
              + TestActors.nonce()
              + "\"}}";
      created(node.post("/api/v1/sessions/S-V/candidates/C-2/scores", unsigned), "unsigned 40");
      // 15 events (4 key registrations + 11 writes of S-V), each with a leaf, under one checkpoint
      assertThat(db.awaitSealed(Duration.ofSeconds(30))).isEqualTo(EVENTS);
    }
    loadEventIds();
    logKey = dir.resolve("keys").resolve("log-ed25519.pem");
    assertThat(logKey).exists();
  }

  private void created(Response r, String name) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    eventIds.put(name, null);
  }

  /** The writes of session S-V were made in this order: their sequence numbers. */
  private static final String[] WRITES = {
    "schedule",
    "register C-1",
    "register C-2",
    "assign examiner",
    "assign proctor",
    "open",
    "notice",
    "start",
    "score 31.5",
    "score 30",
    "unsigned 40"
  };

  private void loadEventIds() throws SQLException {
    try (Connection c = db.connect();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT event_identifier FROM domain_event_entry"
                    + " WHERE aggregate_identifier = 'S-V' AND sequence_number = ?")) {
      for (int seq = 0; seq < WRITES.length; seq++) {
        p.setLong(1, seq);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          eventIds.put(WRITES[seq], rs.getString(1));
        }
      }
    }
  }

  @AfterAll
  void drop() {
    if (db != null) {
      db.close();
    }
  }

  private VerifyRun verify(String url, String... extra) {
    String[] args = new String[6 + extra.length];
    args[0] = "--db-url";
    args[1] = url;
    args[2] = "--db-user";
    args[3] = PostgresDatabase.USER;
    args[4] = "--log-key";
    args[5] = logKey.toString();
    System.arraycopy(extra, 0, args, 6, extra.length);
    return VerifyRun.of(args);
  }

  private VerifyRun verifyWith(String... args) {
    return VerifyRun.of(args);
  }

  /** A copy of the sealed database to tamper with; dropped by the caller's try block. */
  private final class Copy implements AutoCloseable {
    final String name =
        "ledger_verify_copy_" + ProcessHandle.current().pid() + "_" + COPIES.incrementAndGet();
    final String url = db.url().substring(0, db.url().lastIndexOf('/') + 1) + name;

    Copy() throws SQLException {
      admin(
          "CREATE DATABASE "
              + name
              + " TEMPLATE "
              + db.url().substring(db.url().lastIndexOf('/') + 1));
    }

    Connection superuser() throws SQLException {
      Connection c = DriverManager.getConnection(url, PostgresDatabase.USER, "");
      try (Statement s = c.createStatement()) {
        s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER ALL");
      }
      return c;
    }

    String payload(String eventId) throws SQLException {
      try (Connection c = DriverManager.getConnection(url, PostgresDatabase.USER, "");
          PreparedStatement p =
              c.prepareStatement(
                  "SELECT payload FROM domain_event_entry WHERE event_identifier = ?")) {
        p.setString(1, eventId);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          return new String(rs.getBytes(1), StandardCharsets.UTF_8);
        }
      }
    }

    void setPayload(String eventId, String payload) throws SQLException {
      try (Connection c = superuser();
          PreparedStatement p =
              c.prepareStatement(
                  "UPDATE domain_event_entry SET payload = ? WHERE event_identifier = ?")) {
        p.setBytes(1, payload.getBytes(StandardCharsets.UTF_8));
        p.setString(2, eventId);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
    }

    long leafIndex(String eventId) throws SQLException {
      try (Connection c = DriverManager.getConnection(url, PostgresDatabase.USER, "");
          PreparedStatement p =
              c.prepareStatement("SELECT leaf_index FROM ledger_leaf WHERE event_identifier = ?")) {
        p.setString(1, eventId);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          return rs.getLong(1);
        }
      }
    }

    @Override
    public void close() throws SQLException {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void admin(String sql) throws SQLException {
      String postgres = db.url().substring(0, db.url().lastIndexOf('/') + 1) + "postgres";
      try (Connection c = DriverManager.getConnection(postgres, PostgresDatabase.USER, "");
          Statement s = c.createStatement()) {
        s.execute(sql);
      }
    }
  }

  /** The report line of a problem about an event, up to the message. */
  private static String line(String kind, String eventId, long leafIndex) {
    return kind + ": event " + eventId + " leaf " + leafIndex + ": ";
  }

  @Test
  void untamperedLedger_verifies() throws Exception {
    try (Copy copy = new Copy()) {
      VerifyRun run = verify(copy.url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out().lines().reduce((a, b) -> b).orElseThrow())
          .startsWith("OK: 15 events, 15 leaves, ")
          .endsWith(", 14 signatures verified, 1 unsigned entries, 4 keys");
      assertThat(run.out()).contains("ledger verify: log key examledger.local/ledger+");
    }
  }

  @Test
  void changedScoreByte_failsAndNamesTheEvent() throws Exception {
    try (Copy copy = new Copy()) {
      String id = eventIds.get("score 31.5");
      String payload = copy.payload(id);
      assertThat(payload.split("31\\.5", -1)).as(payload).hasSize(2);
      copy.setPayload(id, payload.replace("31.5", "39.5"));

      VerifyRun run = verify(copy.url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out())
          .containsPattern(
              "(?m)^"
                  + line("leaf-hash-mismatch", id, copy.leafIndex(id))
                  + "the stored event no longer hashes to its leaf: expected leaf hash [0-9a-f]{64},"
                  + " recomputed [0-9a-f]{64} \\(aggregate S-V, sequence 8\\)$")
          .contains("checkpoint-root-mismatch: checkpoint 15: ")
          .containsPattern("(?m)^FAILED: [0-9]+ problems; 15 events, 15 leaves, ");
    }
  }

  @Test
  void deletedEvent_failsAndNamesTheEvent() throws Exception {
    try (Copy copy = new Copy()) {
      String id = eventIds.get("register C-2");
      long leaf = copy.leafIndex(id);
      try (Connection c = copy.superuser();
          PreparedStatement p =
              c.prepareStatement("DELETE FROM domain_event_entry WHERE event_identifier = ?")) {
        p.setString(1, id);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }

      VerifyRun run = verify(copy.url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out())
          .contains(line("event-missing", id, leaf) + "the leaf (hash ")
          .contains("names an event that is not stored: the event was deleted")
          .containsPattern("(?m)^FAILED: 1 problem; 14 events, 15 leaves, ");
    }
  }

  @Test
  void swappedPayloads_failAndNameBothEvents() throws Exception {
    try (Copy copy = new Copy()) {
      String first = eventIds.get("score 31.5");
      String second = eventIds.get("score 30");
      String a = copy.payload(first);
      String b = copy.payload(second);
      copy.setPayload(first, b);
      copy.setPayload(second, a);

      VerifyRun run = verify(copy.url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out())
          .contains(line("leaf-hash-mismatch", first, copy.leafIndex(first)))
          .contains(line("leaf-hash-mismatch", second, copy.leafIndex(second)));
    }
  }

  @Test
  void forgedEvent_failsAndNamesIt() throws Exception {
    try (Copy copy = new Copy()) {
      String model = eventIds.get("score 30");
      String forged = "f0f0f0f0-0000-4000-8000-000000000001";
      try (Connection c = copy.superuser();
          PreparedStatement p =
              c.prepareStatement(
                  "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
                      + " sequence_number, type, time_stamp, payload_type, payload_revision,"
                      + " payload, meta_data) SELECT ?, aggregate_identifier, 99, type,"
                      + " time_stamp, payload_type, payload_revision,"
                      + " convert_to(replace(convert_from(payload, 'UTF8'), 'practical',"
                      + " 'theory'), 'UTF8'), meta_data"
                      + " FROM domain_event_entry WHERE event_identifier = ?")) {
        p.setString(1, forged);
        p.setString(2, model);
        assertThat(p.executeUpdate()).isEqualTo(1);
      }

      VerifyRun run = verify(copy.url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out())
          .contains(
              "leaf-missing: event "
                  + forged
                  + ": event (aggregate S-V, sequence 99, org.examledger.exam.ScoreRecordedEvent)"
                  + " has no leaf")
          .containsPattern("(?m)^FAILED: 1 problem; 16 events, 15 leaves, ");
    }
  }

  @Test
  void alteredEnvelopeSignature_failsAndNamesTheEvent() throws Exception {
    try (Copy copy = new Copy()) {
      String id = eventIds.get("score 30");
      String payload = copy.payload(id);
      String marker = "\\\"sig\\\":\\\"";
      int at = payload.indexOf(marker);
      assertThat(at).as(payload).isPositive();
      int sig = at + marker.length();
      char replaced = payload.charAt(sig) == 'A' ? 'B' : 'A';
      copy.setPayload(id, payload.substring(0, sig) + replaced + payload.substring(sig + 1));

      VerifyRun run = verify(copy.url);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      long leaf = copy.leafIndex(id);
      assertThat(run.out())
          .contains(line("leaf-hash-mismatch", id, leaf))
          .contains(
              line("signature-invalid", id, leaf)
                  + "the stored envelope does not verify: signature with keyid ");
    }
  }

  @Test
  void jsonReport_namesTheProblem() throws Exception {
    try (Copy copy = new Copy()) {
      String id = eventIds.get("register C-1");
      String payload = copy.payload(id);
      copy.setPayload(id, payload.replace("C-1", "C-9"));

      VerifyRun run = verify(copy.url, "--json");

      assertThat(run.exitCode()).isEqualTo(1);
      com.fasterxml.jackson.databind.JsonNode report = AbstractSliceIT.json(run.out());
      assertThat(report.get("ok").asBoolean()).isFalse();
      assertThat(report.get("events").asLong()).isEqualTo(EVENTS);
      com.fasterxml.jackson.databind.JsonNode first = report.get("problems").get(0);
      assertThat(first.get("kind").asText()).isEqualTo("leaf-hash-mismatch");
      assertThat(first.get("eventId").asText()).isEqualTo(id);
      assertThat(first.get("leafIndex").asLong()).isEqualTo(copy.leafIndex(id));
      assertThat(first.get("expected").asText()).hasSize(64);
      assertThat(first.get("found").asText())
          .hasSize(64)
          .isNotEqualTo(first.get("expected").asText());
    }
  }

  @Test
  void anotherLogKey_failsEveryCheckpointSignature() throws Exception {
    try (Copy copy = new Copy()) {
      String otherKey =
          org.examledger.checkpoint.NoteVerifierKey.ed25519(
                  "examledger.local/ledger",
                  org.examledger.crypto.Signers.ed25519FromSeed(
                          org.examledger.bytes.Bytes.of(new byte[32]))
                      .publicKey())
              .toString();

      VerifyRun run =
          verifyWith(
              "--db-url", copy.url, "--db-user", PostgresDatabase.USER, "--log-vkey", otherKey);

      assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
      assertThat(run.out())
          .contains(
              "checkpoint-signature: checkpoint 15: the stored note is not a checkpoint signed")
          .doesNotContain("leaf-hash-mismatch");
    }
  }

  @Test
  void missingLogKeyFile_isAConfigurationError() throws Exception {
    try (Copy copy = new Copy()) {
      VerifyRun run = verify(copy.url, "--log-key", "no-such-key.pem");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("ledger verify: no log key file no-such-key.pem: give");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void unknownOption_isAUsageError() {
    VerifyRun run = verifyWith("--frobnicate");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ledger verify: unknown option '--frobnicate'");
  }

  @Test
  void ledgerVerifyAsAProcess_exitsZeroWithTheSummary(@TempDir Path dir) throws Exception {
    try (Copy copy = new Copy()) {
      Path repo = Path.of("..").toAbsolutePath().normalize();
      Path log = dir.resolve("verify.log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  repo.resolve("ledger").toString(),
                  "verify",
                  "--db-url",
                  copy.url,
                  "--db-user",
                  PostgresDatabase.USER,
                  "--log-key",
                  logKey.toString())
              .directory(repo.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("LEDGER_NO_BUILD", "1");
      builder.environment().remove("LEDGER_DB_URL");
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("verify finished").isTrue();
      String output = Files.readString(log);
      assertThat(process.exitValue()).as(output).isZero();
      assertThat(output.lines().reduce((x, y) -> y).orElseThrow())
          .startsWith("OK: 15 events, 15 leaves, ")
          .contains("(largest size 15)")
          .endsWith("14 signatures verified, 1 unsigned entries, 4 keys");
    }
  }
}
