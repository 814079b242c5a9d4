package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.examledger.api.it.LedgerNode.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An event committed into a hole of the global index after the sequencer has passed it (what
 * AxonFramework issue #4829 makes permanent once the gap timeout expires) still gets exactly one
 * leaf: the catch-up sweep sequences it, and a later delivery by the processor is skipped.
 */
class GapCatchUpIT {

  private static final Duration GENEROUS = Duration.ofSeconds(30);

  @Test
  void eventCommittedBehindTheSequencer_getsExactlyOneLeaf(@TempDir Path dir) throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      try (LedgerNode node = start(db, dir, "gap-it-node", "300ms")) {
        DataSource dataSource = node.context().getBean(DataSource.class);
        LogAuditor auditor = new LogAuditor(node, dataSource);
        schedule(node, "S-BEFORE");
        await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);

        EventProcessor sequencer =
            node.context()
                .getBean(EventProcessingConfiguration.class)
                .eventProcessor("ledger-sequencer")
                .orElseThrow();
        try (Connection late = db.connect()) {
          late.setAutoCommit(false);
          // a valid event, in a transaction that takes a global index and commits late
          insertLate(late, "late-event-1");
          schedule(node, "S-AFTER");
          await()
              .atMost(GENEROUS)
              .until(() -> leafCount(dataSource) == 3 && auditor.everyEventHasALeaf());
          // the processor has passed the hole; stop it so that only the sweep can fill it
          sequencer.shutDown();
          late.commit();
        }

        await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);
        assertThat(
                new JdbcTemplate(dataSource)
                    .queryForObject(
                        "SELECT leaf_index FROM ledger_leaf WHERE event_identifier ="
                            + " 'late-event-1'",
                        Long.class))
            .isEqualTo(3); // after the genesis key, S-BEFORE and S-AFTER

        // the processor comes back and may now deliver the late event too: it must be skipped
        sequencer.start();
        schedule(node, "S-LAST");
        await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);
        auditor.assertEveryEventHasExactlyOneContiguousLeaf();
        for (String eventIdentifier : auditor.eventIdentifiers()) {
          auditor.verifyInclusion(eventIdentifier);
        }
      }
    }
  }

  /**
   * Under concurrent writes an event often commits into a hole while the processor is still waiting
   * for it: the processor then delivers it with a token already past it (a gap-aware token's
   * position is the highest index seen). The sequencer must seal it and go on; it used to stop on
   * it (measured by the load benchmark: 78 leaves for 7,958 events).
   */
  @Test
  void eventCommittedIntoAHoleTheProcessorStillWaitsFor_isSealedAndSealingGoesOn(@TempDir Path dir)
      throws Exception {
    try (PostgresDatabase db = PostgresDatabase.create()) {
      // only the processor may fill the hole here
      try (LedgerNode node = start(db, dir, "gap-fill-it-node", "1h")) {
        DataSource dataSource = node.context().getBean(DataSource.class);
        LogAuditor auditor = new LogAuditor(node, dataSource);
        schedule(node, "S-BEFORE");
        await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);
        try (Connection late = db.connect()) {
          late.setAutoCommit(false);
          insertLate(late, "late-event-2");
          schedule(node, "S-AFTER");
          await().atMost(GENEROUS).until(() -> leafCount(dataSource) == 3);
          late.commit(); // well within the gap timeout: the processor delivers it itself
        }
        schedule(node, "S-LAST");
        await().atMost(GENEROUS).until(auditor::everyEventHasALeaf);
        auditor.assertEveryEventHasExactlyOneContiguousLeaf();
        assertThat(
                new JdbcTemplate(dataSource)
                    .queryForObject(
                        "SELECT leaf_index FROM ledger_leaf WHERE event_identifier ="
                            + " 'late-event-2'",
                        Long.class))
            .isEqualTo(3);
      }
    }
  }

  private static LedgerNode start(
      PostgresDatabase db, Path dir, String nodeId, String catchUpInterval) {
    Map<String, String> settings = new HashMap<>();
    settings.put("spring.datasource.url", db.url());
    settings.put("spring.datasource.username", db.user());
    settings.put("spring.datasource.password", "");
    settings.put("ledger.node-id", nodeId);
    settings.put("ledger.data-dir", dir.toString());
    settings.put("ledger.log.catch-up-interval", catchUpInterval);
    return LedgerNode.start(settings);
  }

  /**
   * Inserts, in {@code late}'s open transaction, a copy of S-BEFORE's event for session S-LATE: it
   * takes a global index now and becomes visible only when {@code late} commits.
   */
  static void insertLate(Connection late, String eventIdentifier) throws SQLException {
    try (Statement s = late.createStatement()) {
      s.executeUpdate(
          "INSERT INTO domain_event_entry (event_identifier, aggregate_identifier,"
              + " sequence_number, type, time_stamp, payload_type, payload_revision,"
              + " payload, meta_data)"
              + " SELECT '"
              + eventIdentifier
              + "', 'S-LATE', 0, type, time_stamp, payload_type,"
              + " payload_revision, convert_to(replace(convert_from(payload, 'UTF8'),"
              + " 'S-BEFORE', 'S-LATE'), 'UTF8'), meta_data"
              + " FROM domain_event_entry WHERE aggregate_identifier = 'S-BEFORE'");
    }
  }

  private static long leafCount(DataSource dataSource) throws SQLException {
    return new JdbcTemplate(dataSource)
        .queryForObject("SELECT COUNT(*) FROM ledger_leaf", Long.class);
  }

  private static void schedule(LedgerNode node, String sessionId) {
    TestActors.ensureAdmin(node);
    Response r = node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody(sessionId));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
