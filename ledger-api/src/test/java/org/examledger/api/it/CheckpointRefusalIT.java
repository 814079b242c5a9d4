package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.examledger.api.it.LedgerNode.Response;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The publisher refuses to sign a checkpoint that does not extend the last one: here after the
 * log's own tables were altered behind its back (on the embedded database, as its admin user).
 */
class CheckpointRefusalIT {

  private static final Duration GENEROUS = Duration.ofSeconds(30);

  @Test
  void alteredMerkleNode_newTreeInconsistentWithLastCheckpoint_refusesToSign(@TempDir Path dir)
      throws SQLException {
    try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dir.toString()))) {
      LogAuditor auditor = new LogAuditor(node, dataSource(node));
      // two events (genesis key, schedule): the tree of size 2 is the single node (1, 0)
      write(node, "S-R1", 0);
      Checkpoint before = awaitCheckpoint(node, auditor, 2);
      assertThat(before.size()).isEqualTo(2);

      try (Connection c = dataSource(node).getConnection();
          Statement s = c.createStatement()) {
        s.execute("DROP TRIGGER ledger_merkle_node_no_update");
        s.executeUpdate(
            "UPDATE ledger_merkle_node SET hash = X'"
                + "00".repeat(32)
                + "' WHERE level = 1 AND node_index = 0");
      }
      write(node, "S-R2", 0);
      await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);

      AbstractSliceIT.assertProblem(
          node.post("/api/v1/log/checkpoint", ""), 503, "checkpoint-refused", null);
      assertThat(auditor.latestCheckpoint()).isEqualTo(before);
    }
  }

  @Test
  void alteredLastCheckpoint_signatureNoLongerVerifies_refusesToSign(@TempDir Path dir)
      throws SQLException {
    try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dir.toString()))) {
      LogAuditor auditor = new LogAuditor(node, dataSource(node));
      write(node, "S-R3", 0); // genesis key and schedule
      Checkpoint before = awaitCheckpoint(node, auditor, 2);
      String note =
          new JdbcTemplate(dataSource(node))
              .queryForObject(
                  "SELECT note FROM ledger_checkpoint WHERE tree_size = ?",
                  String.class,
                  before.size());
      String forgedRoot = Bytes.of(new byte[32]).base64();
      try (Connection c = dataSource(node).getConnection();
          Statement s = c.createStatement();
          PreparedStatement p =
              c.prepareStatement("UPDATE ledger_checkpoint SET note = ? WHERE tree_size = ?")) {
        s.execute("DROP TRIGGER ledger_checkpoint_no_update");
        p.setString(1, note.replace(before.rootHash().base64(), forgedRoot));
        p.setLong(2, before.size());
        assertThat(p.executeUpdate()).isEqualTo(1);
      }
      write(node, "S-R4", 0);
      await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);

      Response refused = node.post("/api/v1/log/checkpoint", "");
      AbstractSliceIT.assertProblem(refused, 503, "checkpoint-refused", null);
      Long newest =
          new JdbcTemplate(dataSource(node))
              .queryForObject("SELECT MAX(tree_size) FROM ledger_checkpoint", Long.class);
      assertThat(newest).isEqualTo(before.size());
    }
  }

  private static Checkpoint awaitCheckpoint(LedgerNode node, LogAuditor auditor, long size) {
    await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);
    await().atMost(GENEROUS).until(() -> auditor.latestCheckpoint().size() >= size);
    return auditor.latestCheckpoint();
  }

  private static DataSource dataSource(LedgerNode node) {
    return node.context().getBean(DataSource.class);
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
