package org.examledger.api.admission;

import java.sql.Timestamp;
import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Records every command's admitted statement in {@code admitted_statement}. Runs as a handler
 * interceptor on the command bus, after the bus has attached the transaction to the unit of work,
 * and writes through the Spring-managed DataSource: the row joins the transaction that appends the
 * event. A unique violation is a replay and rolls the whole command back; a command without an
 * admitted statement is refused, so no write bypasses admission.
 */
public class AdmittedStatementInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

  static final String HASH = "admission.statementHash";
  static final String ACTOR = "admission.actor";
  static final String NONCE = "admission.nonce";
  static final String TYPE = "admission.type";
  static final String SIGNED = "admission.signed";

  private final JdbcClient jdbc;
  private final Clock clock;

  public AdmittedStatementInterceptor(JdbcClient jdbc, Clock clock) {
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
    try {
      jdbc.sql(
              "INSERT INTO admitted_statement (statement_hash, actor_id, nonce, statement_type,"
                  + " signed, admitted_at) VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              hash,
              meta.get(ACTOR),
              meta.get(NONCE),
              meta.get(TYPE),
              Boolean.TRUE.equals(meta.get(SIGNED)),
              Timestamp.from(clock.instant()))
          .update();
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
}
