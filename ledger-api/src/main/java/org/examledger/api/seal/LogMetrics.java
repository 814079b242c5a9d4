package org.examledger.api.seal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The Merkle log's gauges (docs/operations.md, "Health and metrics"), read from the database at
 * each scrape, so every node reports the shared log whichever node sequences: {@code
 * ledger.log.size} (leaves sequenced), {@code ledger.log.checkpoint.size} (leaves under the newest
 * signed checkpoint) and {@code ledger.log.events} (events stored). Events minus size is the
 * sequencer's lag; size minus checkpoint size the publisher's. While the database is away a gauge
 * reads NaN.
 */
final class LogMetrics implements MeterBinder {

  private final JdbcTemplate jdbc;

  LogMetrics(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(
        registry,
        "ledger.log.size",
        "leaves in the Merkle log (events sequenced)",
        "SELECT tree_size FROM ledger_log_state WHERE id = 1");
    gauge(
        registry,
        "ledger.log.checkpoint.size",
        "tree size of the newest signed checkpoint",
        "SELECT COALESCE(MAX(tree_size), 0) FROM ledger_checkpoint");
    gauge(
        registry,
        "ledger.log.events",
        "events stored in the event table",
        "SELECT COUNT(*) FROM domain_event_entry");
  }

  private void gauge(MeterRegistry registry, String name, String description, String sql) {
    Gauge.builder(name, this, m -> m.read(sql)).description(description).register(registry);
  }

  private double read(String sql) {
    try {
      Long value = jdbc.queryForObject(sql, Long.class);
      return value == null ? Double.NaN : value;
    } catch (DataAccessException e) {
      return Double.NaN;
    }
  }
}
