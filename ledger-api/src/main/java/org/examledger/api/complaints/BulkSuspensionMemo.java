package org.examledger.api.complaints;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.examledger.exam.SuspensionRegistry;
import org.examledger.projections.complaints.SuspensionsView;

/**
 * The {@link SuspensionRegistry} of the application: {@link SuspensionsView}, asked once per person
 * inside a bulk submission. A bulk of scores asks about the same examiner twice per statement (the
 * dispatcher, then the session's marking rule); inside a unit of work that {@link #enable enabled}
 * the memo, a person's sanction intervals are read once and every later question about that person
 * is answered from them, by the same rule as the query. Outside such a unit of work every question
 * goes to the database, as before.
 *
 * <p>Only a bulk of score statements enables it: such a unit of work writes no sanction, so the
 * intervals read at its start are the ones its own transaction sees throughout.
 */
public class BulkSuspensionMemo implements SuspensionRegistry {

  private static final String RESOURCE = BulkSuspensionMemo.class.getName();

  private final SuspensionsView view;

  public BulkSuspensionMemo(SuspensionsView view) {
    this.view = view;
  }

  /** Answers from memory for the rest of {@code unitOfWork} (and its nested units of work). */
  public static void enable(UnitOfWork<?> unitOfWork) {
    unitOfWork
        .root()
        .resources()
        .put(RESOURCE, new HashMap<String, List<SuspensionsView.Interval>>());
  }

  @Override
  public boolean isSuspended(String personId, Instant at) {
    Map<String, List<SuspensionsView.Interval>> memo = memo();
    if (memo == null) {
      return view.isSuspended(personId, at);
    }
    return memo.computeIfAbsent(personId, view::intervalsOf).stream()
        .anyMatch(interval -> interval.covers(at));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, List<SuspensionsView.Interval>> memo() {
    if (!CurrentUnitOfWork.isStarted()) {
      return null;
    }
    return (Map<String, List<SuspensionsView.Interval>>)
        CurrentUnitOfWork.get().root().resources().get(RESOURCE);
  }
}
