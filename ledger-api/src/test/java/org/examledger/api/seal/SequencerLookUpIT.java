package org.examledger.api.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.examledger.api.it.LedgerNode;
import org.examledger.api.it.PostgresDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sequencer finds which events of its batch already have a leaf through the index of {@code
 * ledger_leaf} however much the table has grown since its first look-ups, even where no {@code
 * ANALYZE} has run (docs/operations.md, "PostgreSQL: plans"). Before 2026-11-29 the look-up became
 * a server-prepared statement whose plan, made while the log was small, scanned the whole table: on
 * a 250,000-event ledger the log sealed 180 events a second.
 *
 * <p>Everything happens in one transaction on the node's own pool and is rolled back; PostgreSQL's
 * counters of the current transaction ({@code pg_stat_xact_user_tables}) say how the table was
 * read.
 */
class SequencerLookUpIT {

  /** 100,000 leaves that no tree holds, far past any real leaf index. */
  private static final String GROW =
      "INSERT INTO ledger_leaf (leaf_index, global_index, event_identifier, leaf_hash,"
          + " sequenced_at) SELECT 1000000000000 + i, -i, 'filler-' || i,"
          + " sha256(int8send(i)), now() FROM generate_series(1, 100000) i";

  private static final String SCANS =
      "SELECT seq_scan, idx_scan FROM pg_stat_xact_user_tables WHERE relname = 'ledger_leaf'";

  @Test
  void aBatchIsLookedUpThroughTheIndexOnceTheLogHasGrownWithoutStatistics() {
    try (PostgresDatabase db = PostgresDatabase.create();
        LedgerNode node = LedgerNode.onPostgres(db, "look-up")) {
      ConfigurableApplicationContext context = node.context();
      LedgerSequencer sequencer = context.getBean(LedgerSequencer.class);
      JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
      TransactionTemplate transaction =
          new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
      // a full batch (ledger.log.sequencer-batch-size): the longer the list, the more a scan of a
      // small table beats a hundred index look-ups, and the more it costs once the table is large
      List<String> batch = IntStream.range(0, 100).mapToObj(i -> "no-such-event-" + i).toList();
      long[] afterGrowth =
          transaction.execute(
              status -> {
                // On the small log, more often than the driver needs to make a statement
                // server-prepared (5) and PostgreSQL to settle on a generic plan (5 more).
                for (int i = 0; i < 12; i++) {
                  assertThat(sequencer.sequencedAmong(batch)).isEmpty();
                }
                jdbc.update(GROW);
                long[] before = scans(jdbc);
                for (int i = 0; i < 5; i++) {
                  assertThat(sequencer.sequencedAmong(batch)).isEmpty();
                }
                long[] after = scans(jdbc);
                status.setRollbackOnly();
                return new long[] {after[0] - before[0], after[1] - before[1]};
              });
      assertThat(afterGrowth[0]).as("scans of the whole of ledger_leaf after it grew").isZero();
      // one or more index scans each (PostgreSQL counts a scan per value of the list in some plans)
      assertThat(afterGrowth[1]).as("scans of an index of ledger_leaf").isGreaterThanOrEqualTo(5);
    }
  }

  private static long[] scans(JdbcTemplate jdbc) {
    return jdbc.queryForObject(SCANS, (rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)});
  }
}
