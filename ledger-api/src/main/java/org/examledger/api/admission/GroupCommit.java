package org.examledger.api.admission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.examledger.api.complaints.BulkSuspensionMemo;
import org.examledger.api.problem.DatabaseUnavailable;
import org.examledger.statements.ExamStatements;
import org.examledger.statements.StatementTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit for single statements: concurrent requests' statements about exam sessions are
 * written together, many in one unit of work and one database transaction, instead of one
 * transaction each. Each request still gets its own answer, given only once its event is stored.
 *
 * <p>A statement's request thread admits it (signature, key) as before and hands it to a writer
 * thread; a writer takes every statement waiting for it (up to {@link
 * GroupCommitProperties#maxStatements()}), dispatches each as a nested unit of work with every rule
 * it has alone (the same dispatcher as {@link BulkSubmission}, the same admitted-statement
 * interceptor, whose unique keys decide replays), and commits once. Statements are given to writers
 * by their session, so one session's statements are decided in the order they arrived and two
 * writers never wait for each other's aggregates.
 *
 * <p>A group inserts all its statements' admission rows first, in one batch, before any command
 * loads a session ({@link AdmittedStatementInterceptor#admitAhead}); when one of them was admitted
 * before, the group is written again one statement at a time, so that the replay is found at its
 * turn as below.
 *
 * <p>A group never answers a refusal itself. When a statement is refused inside a group (a broken
 * rule, a replay, anything its command throws), the group is rolled back, the writer dispatches
 * that statement alone, exactly as without grouping (so its answer is the one it gets alone), and
 * then writes the rest of the group again without it. When the commit itself fails (another node
 * changed a session first), the writer dispatches each statement of the group alone. A statement is
 * therefore stored at most once, by its group or alone. The writer holds no lock and no transaction
 * while it dispatches a statement alone, so that statement never waits for its own group. When the
 * database cannot be reached, every statement of the group is answered with that failure (the 503
 * each would get alone) at once.
 *
 * <p>Statements of other kinds (keys, complaints, flag reviews) are dispatched alone by their
 * request thread, as are all statements when {@link GroupCommitProperties#writers()} is 0.
 */
public class GroupCommit implements AutoCloseable {

  /** Statement types whose subject is an exam session, decided by that session's aggregate. */
  static final Set<String> SESSION_TYPES = sessionTypes();

  /** Refusals in one group after which the writer dispatches the rest of it alone. */
  static final int MAX_REFUSALS = 4;

  private static final Logger log = LoggerFactory.getLogger(GroupCommit.class);

  /** Tells a writer to finish: queued after everything taken before {@link #close}. */
  private static final Pending STOP = new Pending(null, null);

  private final Dispatch grouped;
  private final Dispatch alone;
  private final AdmitAhead admitAhead;
  private final TransactionManager transactions;
  private final int maxStatements;
  private final List<BlockingQueue<Pending>> queues = new ArrayList<>();
  private final List<Thread> writers = new ArrayList<>();
  private final AtomicLong groups = new AtomicLong();
  private final AtomicLong groupedStatements = new AtomicLong();
  private final AtomicLong decidedAlone = new AtomicLong();
  private boolean closed; // guarded by queues

  /**
   * @param grouped dispatches inside a group's unit of work: its gateway must have no retry
   *     scheduler (a retry runs on another thread, outside the group)
   * @param alone dispatches a statement on its own, as without grouping
   * @param admitAhead inserts a group's admission rows before its commands: {@link
   *     AdmittedStatementInterceptor#admitAhead}
   */
  public GroupCommit(
      Dispatch grouped,
      Dispatch alone,
      AdmitAhead admitAhead,
      TransactionManager transactions,
      GroupCommitProperties properties) {
    this.grouped = grouped;
    this.alone = alone;
    this.admitAhead = admitAhead;
    this.transactions = transactions;
    this.maxStatements = properties.maxStatements();
    for (int i = 0; i < properties.writers(); i++) {
      BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
      queues.add(queue);
      Thread writer = new Thread(() -> write(queue), "group-commit-" + i);
      writer.setDaemon(true);
      writers.add(writer);
      writer.start();
    }
  }

  /** Dispatches one admitted statement: {@link StatementDispatcher#dispatch}. */
  @FunctionalInterface
  public interface Dispatch {
    Map<String, Object> dispatch(AdmittedStatement s, String submitterId);
  }

  /** {@link AdmittedStatementInterceptor#admitAhead}. */
  @FunctionalInterface
  public interface AdmitAhead {
    boolean admitAhead(UnitOfWork<?> unitOfWork, List<AdmittedStatement> statements);
  }

  /**
   * Dispatches one admitted statement, in a group when it is about an exam session, and waits until
   * its event is stored: the same answer and the same refusals as {@link
   * StatementDispatcher#dispatch}.
   */
  public Map<String, Object> dispatch(AdmittedStatement s, String submitterId) {
    if (queues.isEmpty() || !SESSION_TYPES.contains(s.type())) {
      return alone.dispatch(s, submitterId);
    }
    Pending pending = new Pending(s, submitterId);
    // never behind a writer's STOP, where nobody would answer it
    synchronized (queues) {
      if (closed) {
        return alone.dispatch(s, submitterId);
      }
      queues.get(Math.floorMod(s.subject().hashCode(), queues.size())).add(pending);
    }
    try {
      return pending.outcome.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  /** Groups committed so far. */
  public long groups() {
    return groups.get();
  }

  /** Statements stored by groups so far. */
  public long groupedStatements() {
    return groupedStatements.get();
  }

  /** Statements dispatched alone by a writer after their group refused them or failed. */
  public long decidedAlone() {
    return decidedAlone.get();
  }

  /** Statements waiting for a writer (for tests). */
  int queued() {
    return queues.stream().mapToInt(BlockingQueue::size).sum();
  }

  /**
   * Stops taking statements into groups: what is queued is still written, later statements are
   * dispatched alone.
   */
  @Override
  public void close() {
    synchronized (queues) {
      if (closed) {
        return;
      }
      closed = true;
      for (BlockingQueue<Pending> queue : queues) {
        queue.add(STOP);
      }
    }
    for (Thread writer : writers) {
      try {
        writer.join(TimeUnit.SECONDS.toMillis(30));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void write(BlockingQueue<Pending> queue) {
    List<Pending> group = new ArrayList<>(maxStatements);
    while (true) {
      try {
        group.add(queue.take());
      } catch (InterruptedException e) {
        return;
      }
      queue.drainTo(group, maxStatements - 1);
      boolean stop = group.remove(STOP);
      try {
        commit(group);
      } catch (Throwable t) {
        // nothing may leave a request waiting for ever
        log.error("group of {} statements failed", group.size(), t);
        group.forEach(p -> p.outcome.completeExceptionally(t));
      }
      group.clear();
      if (stop) {
        return;
      }
    }
  }

  private void commit(List<Pending> group) {
    List<Pending> remaining = new ArrayList<>(group);
    int refusals = 0;
    while (!remaining.isEmpty()) {
      int refused = attempt(remaining);
      if (refused < 0) {
        return;
      }
      decideAlone(remaining.remove(refused));
      if (++refusals == MAX_REFUSALS) {
        remaining.forEach(this::decideAlone);
        return;
      }
    }
  }

  /**
   * Writes the statements in one unit of work.
   *
   * @return -1 when every statement was answered, else the index of the statement refused (nothing
   *     was stored)
   */
  private int attempt(List<Pending> statements) {
    return attempt(statements, true);
  }

  /**
   * @param ahead whether to insert the admission rows first, in one batch (else each command
   *     inserts its own)
   */
  private int attempt(List<Pending> statements, boolean ahead) {
    UnitOfWork<?> unitOfWork =
        DefaultUnitOfWork.startAndGet(new GenericMessage<>("group of " + statements.size()));
    try {
      unitOfWork.attachTransaction(transactions);
    } catch (RuntimeException e) {
      // no transaction (the database is away); attachTransaction has rolled the unit of work back
      return failOrDecideAlone(statements, e);
    }
    // statements about sessions write no sanction: a person's standing is read once per group
    BulkSuspensionMemo.enable(unitOfWork);
    // one statement inserts its own row before it loads its session: nothing to insert ahead
    if (ahead && statements.size() > 1) {
      boolean admitted;
      try {
        admitted =
            admitAhead.admitAhead(unitOfWork, statements.stream().map(p -> p.statement).toList());
      } catch (RuntimeException e) {
        unitOfWork.rollback(e);
        return failOrDecideAlone(statements, e);
      }
      if (!admitted) {
        // a replay among them: one statement at a time finds it at its turn
        unitOfWork.rollback();
        return attempt(statements, false);
      }
    }
    List<Map<String, Object>> results = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      Pending p = statements.get(i);
      try {
        results.add(grouped.dispatch(p.statement, p.submitterId));
      } catch (RuntimeException refusal) {
        unitOfWork.rollback(refusal);
        return DatabaseUnavailable.causedBy(refusal) ? failOrDecideAlone(statements, refusal) : i;
      } catch (Error e) {
        unitOfWork.rollback(e);
        throw e;
      }
    }
    try {
      unitOfWork.commit();
    } catch (RuntimeException e) {
      // another node changed a session first: each statement is decided again on its own
      return failOrDecideAlone(statements, e);
    }
    groups.incrementAndGet();
    groupedStatements.addAndGet(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      statements.get(i).outcome.complete(results.get(i));
    }
    return -1;
  }

  /**
   * Answers every statement with the failure when the database cannot be reached (the 503 each
   * would get alone, without each waiting again for a connection), else dispatches each alone.
   */
  private int failOrDecideAlone(List<Pending> statements, RuntimeException failure) {
    if (DatabaseUnavailable.causedBy(failure)) {
      statements.forEach(p -> p.outcome.completeExceptionally(failure));
    } else {
      statements.forEach(this::decideAlone);
    }
    return -1;
  }

  /** Dispatches the statement on its own (its own unit of work and transaction) and answers it. */
  private void decideAlone(Pending p) {
    decidedAlone.incrementAndGet();
    try {
      p.outcome.complete(alone.dispatch(p.statement, p.submitterId));
    } catch (RuntimeException refusal) {
      p.outcome.completeExceptionally(refusal);
    }
  }

  /** A statement waiting for its writer, and its answer. */
  private static final class Pending {

    final AdmittedStatement statement;
    final String submitterId;
    final CompletableFuture<Map<String, Object>> outcome = new CompletableFuture<>();

    Pending(AdmittedStatement statement, String submitterId) {
      this.statement = statement;
      this.submitterId = submitterId;
    }
  }

  private static Set<String> sessionTypes() {
    Set<String> types = new HashSet<>(ExamStatements.COMMANDS.keySet());
    types.add(StatementTypes.SESSION_SCHEDULE);
    types.add(StatementTypes.CANDIDATE_REGISTER);
    types.add(StatementTypes.SCORE_RECORD);
    types.add(StatementTypes.SCORE_COUNTERSIGN);
    return Set.copyOf(types);
  }
}
