package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.merkle.Hash;
import org.examledger.merkle.Rfc6962;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries recompute leaf inputs from the stored rows, so an edit behind the application's back
 * shows: a changed payload value no longer hashes to its leaf, and a payload that is not JSON any
 * more is named instead of failing the page (on the embedded database, as its admin user).
 */
class TamperedEntriesIT {

  @Test
  void alteredPayloads_showInEntries(@TempDir Path dir) throws Exception {
    try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dir.toString()))) {
      DataSource dataSource = node.context().getBean(DataSource.class);
      LogAuditor auditor = new LogAuditor(node, dataSource);
      TestActors.bootstrap(node);
      for (String session : new String[] {"S-T1", "S-T2", "S-T3"}) {
        Response r = node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(session));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
      }
      await().atMost(Duration.ofSeconds(30)).until(auditor::everyEventHasALeaf);

      try (Connection c = dataSource.getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP TRIGGER domain_event_entry_no_update");
        // one byte of a value: pass mark 60 becomes 10
        s.executeUpdate(
            "UPDATE domain_event_entry SET payload = CAST(REPLACE(UTF8TOSTRING(payload),"
                + " '\"passMark\":60', '\"passMark\":10') AS VARBINARY)"
                + " WHERE aggregate_identifier = 'S-T2'");
        s.executeUpdate(
            "UPDATE domain_event_entry SET payload = CAST('{\"passMark\":' AS VARBINARY)"
                + " WHERE aggregate_identifier = 'S-T3'");
      }

      JsonNode entries = node.get("/api/v1/log/entries").json().get("entries");
      assertThat(entries).hasSize(5); // the two key-registry events of bootstrap, three sessions
      for (JsonNode entry : entries) {
        String aggregate =
            auditor.storedEvent(entry.get("eventIdentifier").asText()).aggregateIdentifier();
        Hash leafHash = Hash.fromBase64(entry.get("leafHash").asText());
        switch (aggregate) {
          case "S-T1" ->
              assertThat(Rfc6962.leafHash(Bytes.fromBase64(entry.get("leafInput").asText())))
                  .isEqualTo(leafHash);
          case "S-T2" ->
              assertThat(Rfc6962.leafHash(Bytes.fromBase64(entry.get("leafInput").asText())))
                  .isNotEqualTo(leafHash);
          case "S-T3" -> {
            assertThat(entry.get("leafInput").isNull()).isTrue();
            assertThat(entry.get("problem").asText())
                .startsWith(
                    "event "
                        + entry.get("eventIdentifier").asText()
                        + ": stored payload is not I-JSON: ");
          }
          case org.examledger.keys.KeyRegistry.REGISTRY_ID ->
              assertThat(Rfc6962.leafHash(Bytes.fromBase64(entry.get("leafInput").asText())))
                  .isEqualTo(leafHash);
          default -> throw new AssertionError("unexpected aggregate " + aggregate);
        }
      }
    }
  }
}
