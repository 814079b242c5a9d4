package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import org.examledger.api.it.LedgerNode.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upgrade with an event revision change, on the real PostgreSQL: a revision-1 {@code
 * CandidateNoticeReadEvent}, stored as an older version of the software wrote it (the golden bytes
 * of ledger-core's src/test/resources/upcasting), is read by the aggregate, the projections and the
 * history through the upcaster as revision 2, and {@code ./ledger verify} still passes: its leaf
 * covers the stored revision-1 bytes, which nothing rewrites (docs/events.md, ADR 0019).
 */
class UpcastingIT {

  private static final String SESSION = "S-UPCAST";
  private static final String EVENT_ID = "7d1f0c4e-5b2a-4c3d-9e8f-0a1b2c3d4e5f";
  private static final Path GOLDEN =
      Path.of("..", "ledger-core", "src", "test", "resources", "upcasting");

  @Test
  void revision1EventStoredByAnOlderVersion_isUpcastForHandlersAndStillVerifies(@TempDir Path dir)
      throws Exception {
    byte[] storedPayload =
        Files.readAllBytes(GOLDEN.resolve("CandidateNoticeReadEvent.v1.stored-payload.json"));
    byte[] storedMetadata =
        Files.readAllBytes(GOLDEN.resolve("CandidateNoticeReadEvent.v1.stored-metadata.json"));
    try (PostgresDatabase db = PostgresDatabase.create()) {
      try (LedgerNode node = LedgerNode.start(db.nodeSettings("upcasting-it-node", dir))) {
        TestActors.bootstrap(node);
        created(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(SESSION)));
        TestActors.registerStaff(node);
        AbstractSliceIT.assign(node, SESSION, TestActors.EXAMINER.actorId(), "EXAMINER");
        AbstractSliceIT.assign(node, SESSION, TestActors.PROCTOR.actorId(), "PROCTOR");
        created(
            AbstractSliceIT.statement(
                node, TestActors.ADMIN, "exam.session.open/v1", SESSION, "{}"));

        // the proctor's notice reading in R101, as revision 1 of the software stored it
        insertRevision1Row(db, storedPayload, storedMetadata);

        // the aggregate sees the upcast event: the notice was read in every room, no waiver needed
        created(
            AbstractSliceIT.statement(
                node, TestActors.ADMIN, "exam.session.start/v1", SESSION, "{}"));

        JsonNode entry =
            await()
                .atMost(Duration.ofSeconds(30))
                .until(() -> historyEntry(node), e -> e != null && !e.get("leafIndex").isNull());
        assertThat(entry.get("type").asText()).isEqualTo("CandidateNoticeReadEvent");
        assertThat(entry.get("signature").toString()).contains("UNSIGNED");
        JsonNode event = entry.get("event");
        assertThat(event.get("room").asText()).isEqualTo("R101");
        assertThat(event.get("method").asText()).isEqualTo("READ_ALOUD");
        assertThat(event.at("/provenance/actorId").asText()).isEqualTo("proctor-03");

        // the flag projections handled it: the session started with the notice read, no gap
        await()
            .atMost(Duration.ofSeconds(30))
            .untilAsserted(
                () -> {
                  JsonNode flags = node.get("/api/v1/flags?session=" + SESSION).json();
                  assertThat(flags.get("flags").findValuesAsText("rule"))
                      .doesNotContain("proctoring-gap");
                });
        db.awaitSealed(Duration.ofSeconds(30));
      }

      // nothing rewrote the stored row: still revision 1, the same bytes
      try (Connection c = db.connect();
          PreparedStatement p =
              c.prepareStatement(
                  "SELECT payload_revision, payload FROM domain_event_entry"
                      + " WHERE event_identifier = ?")) {
        p.setString(1, EVENT_ID);
        try (ResultSet rs = p.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString(1)).isEqualTo("1");
          assertThat(rs.getBytes(2)).isEqualTo(storedPayload);
        }
      }

      VerifyRun run =
          VerifyRun.of(
              "--db-url",
              db.url(),
              "--db-user",
              PostgresDatabase.USER,
              "--log-key",
              dir.resolve("keys").resolve("log-ed25519.pem").toString());
      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.summary())
          .startsWith("OK: ")
          .contains(" signatures verified, 1 unsigned entries, 4 keys");
    }
  }

  private static void created(Response r) {
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }

  /** Inserts the stored row as the older version's event store append would have. */
  private static void insertRevision1Row(PostgresDatabase db, byte[] payload, byte[] metadata)
      throws Exception {
    try (Connection c = db.connect();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
                    + " sequence_number, type, time_stamp, payload_type, payload_revision,"
                    + " payload, meta_data) SELECT ?, ?, MAX(sequence_number) + 1, 'ExamSession',"
                    + " ?, 'org.examledger.exam.CandidateNoticeReadEvent', '1', ?, ?"
                    + " FROM domain_event_entry WHERE aggregate_identifier = ?")) {
      p.setString(1, EVENT_ID);
      p.setString(2, SESSION);
      p.setString(3, Instant.now().toString());
      p.setBytes(4, payload);
      p.setBytes(5, metadata);
      p.setString(6, SESSION);
      assertThat(p.executeUpdate()).isEqualTo(1);
    }
  }

  private static JsonNode historyEntry(LedgerNode node) {
    for (JsonNode e : node.get("/api/v1/sessions/" + SESSION + "/history").json()) {
      if (EVENT_ID.equals(e.get("eventId").asText())) {
        return e;
      }
    }
    return null;
  }
}
