package org.examledger.api.admission;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Records every command's admitted statement in {@code admitted_statement}. Runs as a handler
 * interceptor on the command bus, after the bus has attached the transaction to the unit of work,
 * and writes through the Spring-managed DataSource: the row joins the transaction that appends the
 * event. A unique violation is a replay and rolls the whole command back; a command without an
 * admitted statement is refused, so no write bypasses admission.
 *
 * <p>A unit of work that dispatches many statements (a bulk, a group of single statements) inserts
 * all their rows first, in one batch, before any command loads an aggregate ({@link #admitAhead});
 * their commands then find their row inserted and skip the insert. So every writer waits for
 * another's uncommitted row (the same statement, being written by another request) before it holds
 * any aggregate lock, and never while holding one, so a cycle of a row lock and an aggregate lock
 * between two writers, which neither PostgreSQL nor Axon could see whole, does not form; only the
 * one-at-a-time writing after a replay still inserts between loads (docs/architecture.md,
 * "Admission rows before aggregate locks"; ADR 0020).
 */
public class AdmittedStatementInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

  static final String HASH = "admission.statementHash";
  static final String ACTOR = "admission.actor";
  static final String NONCE = "admission.nonce";
  static final String TYPE = "admission.type";
  static final String SIGNED = "admission.signed";

  private static final String INSERT =
      "INSERT INTO admitted_statement (statement_hash, actor_id, nonce, statement_type, signed,"
          + " admitted_at) VALUES (?, ?, ?, ?, ?, ?)";

  /** The root unit of work's resource: hashes inserted ahead whose command has not run yet. */
  private static final String AHEAD = AdmittedStatementInterceptor.class.getName() + ".ahead";

  private final JdbcTemplate jdbc;
  private final Clock clock;

  public AdmittedStatementInterceptor(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  static MetaData metaData(AdmittedStatement s) {
    return MetaData.with(HASH, s.statementHash())
        .and(ACTOR, s.actorId())
        .and(NONCE, s.nonce())
        .and(TYPE, s.type())
        .and(SIGNED, s.signed());
  }

  @Override
  public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain)
      throws Exception {
    MetaData meta = unitOfWork.getMessage().getMetaData();
    Object hash = meta.get(HASH);
    if (hash == null) {
      throw new IllegalStateException(
          "command "
              + unitOfWork.getMessage().getCommandName()
              + " carries no admitted statement; every write must pass admission");
    }
    Set<String> ahead = ahead(unitOfWork);
    if (ahead != null && ahead.remove(hash)) {
      return chain.proceed();
    }
    try {
      jdbc.update(
          INSERT,
          hash,
          meta.get(ACTOR),
          meta.get(NONCE),
          meta.get(TYPE),
          Boolean.TRUE.equals(meta.get(SIGNED)),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      throw new StatementReplayedException(
          "this statement (sha256 "
              + hash
              + ", or actor '"
              + meta.get(ACTOR)
              + "' with nonce '"
              + meta.get(NONCE)
              + "') was admitted before; a statement is admitted once");
    }
    return chain.proceed();
  }

  /**
   * Inserts the admission rows of every statement {@code unitOfWork} is about to dispatch, in one
   * JDBC batch (one round trip), in the unit of work's transaction; each of their commands then
   * finds its row inserted and does not insert it again. Call it before dispatching any of them:
   * waiting here for another writer's uncommitted row holds no aggregate lock.
   *
   * @return whether every row was inserted. When not (a statement admitted before or twice among
   *     these, or this transaction chosen as a deadlock's victim by the database), the transaction
   *     can do nothing more: roll the unit of work back and dispatch the statements one by one in a
   *     new one, where each statement's own insert answers when its turn comes, after the refusals
   *     of the statements before it
   */
  public boolean admitAhead(UnitOfWork<?> unitOfWork, List<AdmittedStatement> statements) {
    Timestamp at = Timestamp.from(clock.instant());
    List<Object[]> rows = new ArrayList<>(statements.size());
    for (AdmittedStatement s : statements) {
      rows.add(new Object[] {s.statementHash(), s.actorId(), s.nonce(), s.type(), s.signed(), at});
    }
    try {
      jdbc.batchUpdate(INSERT, rows);
    } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
      return false;
    }
    Set<String> ahead = new HashSet<>();
    statements.forEach(s -> ahead.add(s.statementHash()));
    unitOfWork.root().resources().put(AHEAD, ahead);
    return true;
  }

  @SuppressWarnings("unchecked")
  private static Set<String> ahead(UnitOfWork<?> unitOfWork) {
    return (Set<String>) unitOfWork.root().resources().get(AHEAD);
  }
}
