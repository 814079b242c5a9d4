package org.examledger.projections;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The writes of a tracking projection's event handlers, sent to the database as JDBC batches.
 *
 * <p>A tracking processor handles up to {@code ledger.projections.batch-size} events in one unit of
 * work and one transaction. Inside one, {@link #update} only records the statement; when the unit
 * of work prepares to commit, the recorded statements are sent in the order they were recorded,
 * each run of the same SQL as one JDBC batch (one round trip instead of one per event: a rebuild
 * replays every event). They run in the processor's transaction with its token update, so a batch
 * is stored whole, token included, or not at all. Outside a unit of work (tests, the reset
 * handlers) a statement runs at once.
 *
 * <p>A handler that reads its own tables calls {@link #read} first, which sends what is recorded. A
 * failing statement therefore fails the batch's commit, not the handler: the processor rolls the
 * batch back and retries it, and the error names the SQL, not the event.
 */
public final class ProjectionWrites {

  private final JdbcOperations jdbc;
  private final JdbcClient client;

  private static final AtomicLong INSTANCES = new AtomicLong();

  /** This instance's pending statements in a unit of work (one per projection, not shared). */
  private final String resourceKey;

  public ProjectionWrites(JdbcOperations jdbc) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.client = JdbcClient.create(jdbc);
    this.resourceKey = ProjectionWrites.class.getName() + "#" + INSTANCES.incrementAndGet();
  }

  /** Runs the statement at the commit of the current unit of work, or now outside of one. */
  public void update(String sql, Object... params) {
    if (!CurrentUnitOfWork.isStarted()) {
      jdbc.update(sql, params);
      return;
    }
    UnitOfWork<?> root = CurrentUnitOfWork.get().root();
    Pending pending =
        root.getOrComputeResource(
            resourceKey,
            key -> {
              Pending created = new Pending();
              root.onPrepareCommit(u -> created.send(jdbc));
              return created;
            });
    pending.add(sql, params);
  }

  /** Sends what is recorded so far, then answers reads that must see it. */
  public JdbcClient read() {
    if (CurrentUnitOfWork.isStarted()) {
      Pending pending = CurrentUnitOfWork.get().root().getResource(resourceKey);
      if (pending != null) {
        pending.send(jdbc);
      }
    }
    return client;
  }

  /** The statements recorded in one unit of work, in order. */
  static final class Pending {
    private final List<String> sql = new ArrayList<>();
    private final List<Object[]> params = new ArrayList<>();

    void add(String statement, Object[] values) {
      sql.add(statement);
      params.add(values);
    }

    /** Sends the statements in order, each run of the same SQL as one batch; then forgets them. */
    void send(JdbcOperations jdbc) {
      int from = 0;
      while (from < sql.size()) {
        String statement = sql.get(from);
        int to = from + 1;
        while (to < sql.size() && sql.get(to).equals(statement)) {
          to++;
        }
        if (to - from == 1) {
          jdbc.update(statement, params.get(from));
        } else {
          jdbc.batchUpdate(statement, params.subList(from, to));
        }
        from = to;
      }
      sql.clear();
      params.clear();
    }
  }
}
