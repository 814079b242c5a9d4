package org.examledger.api.admission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.examledger.api.complaints.BulkSuspensionMemo;

/**
 * Sends many admitted statements as one all-or-nothing write: one unit of work and one database
 * transaction around all their commands. Each command runs as a nested unit of work with every rule
 * it has alone (the same dispatcher, the same admitted-statement interceptor); their events are
 * appended together when the whole commits, and the aggregates they load stay locked until then.
 * The first refusal rolls everything back and is answered with its statement's index.
 *
 * <p>All the statements' admission rows are inserted first, in one batch, before any command loads
 * its session ({@link AdmittedStatementInterceptor#admitAhead}). When one of them was admitted
 * before (or is twice in the bulk), the bulk is decided again one statement at a time, each
 * statement's own insert refusing a replay when its turn comes, so that the first refusal in the
 * bulk's order is the one answered.
 *
 * <p>The dispatcher given here must send through a gateway without a retry scheduler: a retry runs
 * on another thread, outside this unit of work, and would store a command on its own.
 */
public class BulkSubmission {

  /** Whole attempts when another writer changed an aggregate before this one committed. */
  static final int ATTEMPTS = 3;

  private final StatementDispatcher dispatcher;
  private final TransactionManager transactions;
  private final AdmittedStatementInterceptor admissions;

  public BulkSubmission(
      StatementDispatcher dispatcher,
      TransactionManager transactions,
      AdmittedStatementInterceptor admissions) {
    this.dispatcher = dispatcher;
    this.transactions = transactions;
    this.admissions = admissions;
  }

  /**
   * Dispatches every statement in order, all in one transaction.
   *
   * @param submitters the submitter recorded for each statement (same order)
   * @return each statement's result, as {@link StatementDispatcher#dispatch} gives it
   * @throws BulkRefused naming the first statement refused; nothing was stored
   */
  public List<Map<String, Object>> submit(
      List<AdmittedStatement> statements, List<String> submitters) {
    if (statements.size() != submitters.size()) {
      throw new IllegalArgumentException("one submitter per statement");
    }
    for (int attempt = 1; ; attempt++) {
      try {
        return attempt(statements, submitters);
      } catch (ConcurrencyException e) {
        // another node appended to a session between our load and our commit: nothing is
        // stored, and the whole is decided again on the stored state
        if (attempt == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  private List<Map<String, Object>> attempt(
      List<AdmittedStatement> statements, List<String> submitters) {
    UnitOfWork<?> unitOfWork = start(statements.size());
    boolean admitted;
    try {
      admitted = admissions.admitAhead(unitOfWork, statements);
    } catch (RuntimeException e) {
      unitOfWork.rollback(e);
      throw e;
    }
    if (!admitted) {
      // a replay among them: one statement at a time, each refused (or not) when its turn comes
      unitOfWork.rollback();
      unitOfWork = start(statements.size());
    }
    List<Map<String, Object>> results = new ArrayList<>(statements.size());
    for (int i = 0; i < statements.size(); i++) {
      try {
        results.add(dispatcher.dispatch(statements.get(i), submitters.get(i)));
      } catch (RuntimeException refusal) {
        unitOfWork.rollback(refusal);
        throw new BulkRefused(i, statements.size(), refusal);
      }
    }
    unitOfWork.commit();
    return results;
  }

  private UnitOfWork<?> start(int size) {
    UnitOfWork<?> unitOfWork =
        DefaultUnitOfWork.startAndGet(new GenericMessage<>("bulk of " + size));
    unitOfWork.attachTransaction(transactions);
    // scores write no sanction: each examiner's standing is read once for the whole bulk
    BulkSuspensionMemo.enable(unitOfWork);
    return unitOfWork;
  }
}
