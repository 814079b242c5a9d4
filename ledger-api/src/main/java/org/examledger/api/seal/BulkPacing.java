package org.examledger.api.seal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Keeps bulk submissions from running ahead of the Merkle log. A bulk request is answered once its
 * events are stored; the sequencer gives them their leaves afterwards, on one thread, and on a busy
 * machine the bulk requests' threads take its share of the CPU: on 2 cores, eight clients sending
 * sheets left it 30,000 events behind, so an event waited seconds, not one, for a signed checkpoint
 * (docs/performance.md, fifth session). So a bulk waits, before it is admitted, while the events
 * stored but not yet sequenced number more than {@code ledger.log.bulk-max-unsequenced}, for at
 * most {@code ledger.log.bulk-max-wait}; then it goes on (a log that does not move at all is the
 * health check's business, not a reason to refuse scores). ADR 0021.
 *
 * <p>The count is read from the database, so it holds whichever node sequences: the distance from
 * the newest leaf's event to the newest stored event in the global index (an upper bound: a rolled
 * back transaction leaves a hole in the index).
 */
public final class BulkPacing {

  /** How often a waiting bulk looks again. */
  static final Duration POLL = Duration.ofMillis(20);

  private final JdbcTemplate jdbc;
  private final long maxUnsequenced;
  private final Duration maxWait;
  private final Timer waits;

  /**
   * @param maxUnsequenced the most events stored ahead of the log before a bulk waits; 0 for no
   *     pacing (as when nothing is sealed: the integrity-off benchmark baseline)
   */
  public BulkPacing(
      JdbcTemplate jdbc, long maxUnsequenced, Duration maxWait, MeterRegistry registry) {
    this.jdbc = jdbc;
    this.maxUnsequenced = maxUnsequenced;
    this.maxWait = maxWait;
    this.waits =
        Timer.builder("ledger.bulk.pacing.wait")
            .description("bulk submissions that waited for the log to catch up, and how long")
            .register(registry);
  }

  /** Returns once the log is at most the configured distance behind, or the wait is over. */
  public void awaitLog() {
    if (maxUnsequenced <= 0 || unsequenced() <= maxUnsequenced) {
      return;
    }
    long start = System.nanoTime();
    long deadline = start + maxWait.toNanos();
    try {
      do {
        Thread.sleep(POLL.toMillis());
      } while (System.nanoTime() < deadline && unsequenced() > maxUnsequenced);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      waits.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  /** Events stored ahead of the newest leaf's event, in global-index positions. */
  long unsequenced() {
    Long distance =
        jdbc.queryForObject(
            "SELECT COALESCE((SELECT MAX(global_index) FROM domain_event_entry), -1)"
                + " - COALESCE((SELECT MAX(global_index) FROM ledger_leaf), -1)",
            Long.class);
    return distance == null ? 0 : distance;
  }
}
