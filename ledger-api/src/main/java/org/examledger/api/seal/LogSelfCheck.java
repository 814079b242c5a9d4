package org.examledger.api.seal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves that the log is complete: every stored event has a leaf and every leaf an event. A
 * tracking processor can pass over an event for good (AxonFramework issue #4829) and the catch-up
 * sweep is meant to seal it; this check is what notices when neither happened, so that a skip is
 * never silent.
 *
 * <p>It is cheap enough to run every minute on a large log. It compares the number of events and of
 * leaves in the part of the global index the sequencer has passed, counted only from where the
 * check stood {@code lookback} ago (a late transaction can fill a hole only that far back); only
 * when the counts differ does it look for the events without a leaf and the leaves without an
 * event. Above the sequencer's head it looks at the unsealed tail and its oldest event's age. The
 * first run after start and one run per {@code full-check-interval} count the whole log. The result
 * is the health component {@code ledgerLog}, three gauges and, when the log is not complete, an
 * ERROR line per run.
 */
public class LogSelfCheck implements HealthIndicator {

  private static final Logger log = LoggerFactory.getLogger(LogSelfCheck.class);

  /** How many events without a leaf are read to name the oldest (all are counted). */
  private static final int EXAMPLES = 100;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate snapshot;
  private final SelfCheckProperties properties;
  private final Clock clock;

  /** Where earlier runs found the sequencer's head, oldest first: the quick check's window. */
  private final Deque<Mark> marks = new ArrayDeque<>();

  private Instant lastFull;
  private volatile Result last;
  private volatile String lastError;

  private record Mark(Instant at, long head) {}

  /**
   * One run's findings.
   *
   * @param from the window's exclusive lower bound in the global index (-1: the whole log)
   * @param head the highest global index with a leaf (-1: none)
   * @param unsealed events without a leaf: below the head (holes) and above it (the tail)
   * @param holes events below the head without a leaf
   * @param leavesWithoutEvent leaves in the window whose event is not stored
   * @param oldestUnsealed the oldest event without a leaf, or null
   * @param oldestUnsealedAge its age by its timestamp (zero when there is none)
   * @param problems what fails, one sentence each; empty when the log is complete
   */
  public record Result(
      Instant checkedAt,
      boolean full,
      long from,
      long head,
      long treeSize,
      long unsealed,
      long holes,
      long leavesWithoutEvent,
      String oldestUnsealed,
      Duration oldestUnsealedAge,
      List<String> problems) {

    public boolean complete() {
      return problems.isEmpty();
    }
  }

  private record Unsealed(String eventIdentifier, long globalIndex, Instant timestamp) {}

  LogSelfCheck(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      SelfCheckProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.jdbc = jdbc;
    this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
    this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    this.snapshot.setReadOnly(true);
    this.properties = properties;
    this.clock = clock;
    Gauge.builder("ledger.log.unsealed.events", this, c -> value(c.last, Result::unsealed))
        .description("stored events without a leaf at the last self-check")
        .register(meters);
    Gauge.builder(
            "ledger.log.unsealed.oldest.age",
            this,
            c -> c.last == null ? Double.NaN : c.last.oldestUnsealedAge().toMillis() / 1000.0)
        .description("age of the oldest stored event without a leaf at the last self-check")
        .baseUnit("seconds")
        .register(meters);
    Gauge.builder(
            "ledger.log.leaves.without.event", this, c -> value(c.last, Result::leavesWithoutEvent))
        .description("leaves whose event is not stored, at the last self-check")
        .register(meters);
  }

  private static double value(Result r, ToLongFunction<Result> f) {
    return r == null ? Double.NaN : f.applyAsLong(r);
  }

  /** The last run's result, or null before the first. */
  public Result last() {
    return last;
  }

  /** Runs the check (quick or full, as due), records and reports the result. */
  public synchronized Result run() {
    Instant now = clock.instant();
    boolean full = lastFull == null || !now.isBefore(lastFull.plus(properties.fullCheckInterval()));
    long from = full ? -1 : windowStart(now);
    Result result;
    try {
      result = snapshot.execute(t -> check(now, from < 0, from));
      lastError = null;
    } catch (RuntimeException e) {
      lastError = e.getClass().getSimpleName() + ": " + e.getMessage();
      log.warn("log self-check could not run, retrying in {}", properties.interval(), e);
      throw e;
    }
    if (result.full()) {
      lastFull = now;
    }
    marks.addLast(new Mark(now, result.head()));
    Result previous = last;
    last = result;
    if (!result.complete()) {
      log.error(
          "LOG SELF-CHECK FAILED: {} (tree size {}, sequencer head at global index {}; {} check)",
          String.join("; ", result.problems()),
          result.treeSize(),
          result.head(),
          result.full() ? "full" : "quick");
    } else if (previous != null && !previous.complete()) {
      log.info("log self-check passes again: every stored event has a leaf");
    }
    return result;
  }

  /** The head found by the latest run at least {@code lookback} ago; -1 (whole log) if none. */
  private long windowStart(Instant now) {
    Instant horizon = now.minus(properties.lookback());
    Mark start = null;
    while (!marks.isEmpty() && !marks.peekFirst().at().isAfter(horizon)) {
      start = marks.pollFirst();
    }
    if (start == null) {
      return -1;
    }
    marks.addFirst(start);
    return start.head();
  }

  private Result check(Instant now, boolean full, long from) {
    long treeSize =
        jdbc.queryForObject("SELECT tree_size FROM ledger_log_state WHERE id = 1", Long.class);
    Map<String, Object> maxima =
        jdbc.queryForMap(
            "SELECT MAX(leaf_index) AS max_leaf, MAX(global_index) AS head FROM ledger_leaf");
    long maxLeaf = asLong(maxima.get("max_leaf"));
    long head = asLong(maxima.get("head"));
    List<String> problems = new ArrayList<>();
    if (maxLeaf + 1 != treeSize) {
      problems.add(
          "ledger_log_state records tree size "
              + treeSize
              + " but the highest leaf index is "
              + maxLeaf);
    }
    long events = count("domain_event_entry", from, head);
    long leaves = count("ledger_leaf", from, head);
    long holes = 0;
    long leavesWithoutEvent = 0;
    List<Unsealed> unsealed = new ArrayList<>();
    if (events != leaves) {
      holes =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM domain_event_entry e WHERE e.global_index > ? AND"
                  + " e.global_index <= ? AND NOT EXISTS (SELECT 1 FROM ledger_leaf l"
                  + " WHERE l.event_identifier = e.event_identifier)",
              Long.class,
              from,
              head);
      leavesWithoutEvent =
          jdbc.queryForObject(
              "SELECT COUNT(*) FROM ledger_leaf l WHERE l.global_index > ? AND"
                  + " l.global_index <= ? AND NOT EXISTS (SELECT 1 FROM domain_event_entry e"
                  + " WHERE e.event_identifier = l.event_identifier)",
              Long.class,
              from,
              head);
      unsealed.addAll(
          unsealed(
              "SELECT e.event_identifier, e.global_index, e.time_stamp FROM domain_event_entry e"
                  + " WHERE e.global_index > ? AND e.global_index <= ? AND NOT EXISTS (SELECT 1"
                  + " FROM ledger_leaf l WHERE l.event_identifier = e.event_identifier)"
                  + " ORDER BY e.global_index",
              from,
              head));
    }
    long tail =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?", Long.class, head);
    if (tail > 0) {
      unsealed.addAll(
          unsealed(
              "SELECT event_identifier, global_index, time_stamp FROM domain_event_entry"
                  + " WHERE global_index > ? ORDER BY global_index",
              head));
    }
    if (leavesWithoutEvent > 0) {
      problems.add(
          leavesWithoutEvent
              + " leaves name an event that is not stored (deleted events: run ./ledger verify to"
              + " name them)");
    }
    Unsealed oldest = null;
    for (Unsealed u : unsealed) {
      if (oldest == null || u.timestamp().isBefore(oldest.timestamp())) {
        oldest = u;
      }
    }
    Duration age = Duration.ZERO;
    if (oldest != null) {
      age = Duration.between(oldest.timestamp(), now);
      if (age.isNegative()) {
        age = Duration.ZERO;
      }
      if (age.compareTo(properties.maxUnsealedAge()) > 0) {
        problems.add(
            (holes + tail)
                + " stored events have no leaf ("
                + holes
                + " behind the sequencer, "
                + tail
                + " ahead of it); the oldest, event "
                + oldest.eventIdentifier()
                + " at global index "
                + oldest.globalIndex()
                + ", is "
                + age.withNanos(0)
                + " old (ledger.self-check.max-unsealed-age "
                + properties.maxUnsealedAge()
                + ")");
      }
    }
    return new Result(
        now,
        full,
        from,
        head,
        treeSize,
        holes + tail,
        holes,
        leavesWithoutEvent,
        oldest == null ? null : oldest.eventIdentifier(),
        age,
        List.copyOf(problems));
  }

  private long count(String table, long from, long head) {
    return jdbc.queryForObject(
        "SELECT COUNT(*) FROM " + table + " WHERE global_index > ? AND global_index <= ?",
        Long.class,
        from,
        head);
  }

  /** The first {@value #EXAMPLES} rows of {@code sql} (global index bounds as parameters). */
  private List<Unsealed> unsealed(String sql, long... bounds) {
    return jdbc.query(
        con -> {
          PreparedStatement statement = con.prepareStatement(sql);
          for (int i = 0; i < bounds.length; i++) {
            statement.setLong(i + 1, bounds[i]);
          }
          statement.setMaxRows(EXAMPLES);
          return statement;
        },
        (rs, n) -> new Unsealed(rs.getString(1), rs.getLong(2), timestamp(rs.getString(3))));
  }

  private static Instant timestamp(String stored) {
    try {
      return Instant.parse(stored);
    } catch (DateTimeParseException e) {
      return Instant.EPOCH;
    }
  }

  private static long asLong(Object value) {
    return value == null ? -1 : ((Number) value).longValue();
  }

  @Override
  public Health health() {
    Result r = last;
    String error = lastError;
    if (r == null) {
      Health.Builder b = Health.unknown().withDetail("reason", "the self-check has not run yet");
      return error == null ? b.build() : b.withDetail("lastError", error).build();
    }
    Health.Builder b = r.complete() ? Health.up() : Health.down();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("checkedAt", r.checkedAt().toString());
    details.put("check", r.full() ? "full" : "quick");
    details.put("treeSize", r.treeSize());
    details.put("unsealedEvents", r.unsealed());
    details.put("oldestUnsealedAgeSeconds", r.oldestUnsealedAge().toSeconds());
    details.put("leavesWithoutEvent", r.leavesWithoutEvent());
    if (!r.complete()) {
      details.put("problems", r.problems());
    }
    if (error != null) {
      details.put("lastError", error);
      if (r.complete()) {
        b = Health.unknown();
      }
    }
    return b.withDetails(details).build();
  }
}
