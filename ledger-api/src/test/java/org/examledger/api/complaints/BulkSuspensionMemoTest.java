package org.examledger.api.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.examledger.projections.complaints.SuspensionsView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BulkSuspensionMemoTest {

  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant ENDED = Instant.parse("2026-09-01T00:00:00Z");

  /** The view with one suspended examiner, counting what it is asked. */
  private static final class CountingView extends SuspensionsView {
    final List<String> queries = new ArrayList<>();

    CountingView() {
      super(null);
    }

    @Override
    public boolean isSuspended(String personId, Instant at) {
      queries.add("isSuspended " + personId);
      return intervals(personId).stream().anyMatch(i -> i.covers(at));
    }

    @Override
    public List<Interval> intervalsOf(String personId) {
      queries.add("intervalsOf " + personId);
      return intervals(personId);
    }

    private static List<Interval> intervals(String personId) {
      return personId.equals("examiner-07") ? List.of(new Interval(FROM, ENDED)) : List.of();
    }
  }

  private final CountingView view = new CountingView();
  private final BulkSuspensionMemo memo = new BulkSuspensionMemo(view);

  @AfterEach
  void noUnitOfWorkLeft() {
    assertThat(CurrentUnitOfWork.isStarted()).isFalse();
  }

  @Test
  void outsideAUnitOfWorkEveryQuestionGoesToTheView() {
    assertThat(memo.isSuspended("examiner-07", FROM)).isTrue();
    assertThat(memo.isSuspended("examiner-07", ENDED)).isFalse();
    assertThat(view.queries).containsExactly("isSuspended examiner-07", "isSuspended examiner-07");
  }

  @Test
  void aUnitOfWorkThatDidNotEnableTheMemoAsksTheViewEachTime() {
    UnitOfWork<?> uow = DefaultUnitOfWork.startAndGet(new GenericMessage<>("single command"));
    try {
      memo.isSuspended("examiner-07", FROM);
      memo.isSuspended("examiner-07", FROM);
    } finally {
      uow.commit();
    }
    assertThat(view.queries).containsExactly("isSuspended examiner-07", "isSuspended examiner-07");
  }

  @Test
  void anEnabledUnitOfWorkReadsEachPersonOnceIncludingFromNestedUnitsOfWork() {
    UnitOfWork<?> bulk = DefaultUnitOfWork.startAndGet(new GenericMessage<>("bulk"));
    try {
      BulkSuspensionMemo.enable(bulk);
      assertThat(memo.isSuspended("examiner-07", FROM.minusNanos(1))).isFalse();
      assertThat(memo.isSuspended("examiner-07", FROM)).isTrue();
      UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(new GenericMessage<>("one statement"));
      try {
        assertThat(memo.isSuspended("examiner-07", ENDED.minusNanos(1))).isTrue();
        assertThat(memo.isSuspended("examiner-07", ENDED)).isFalse();
        assertThat(memo.isSuspended("examiner-08", FROM)).isFalse();
      } finally {
        nested.commit();
      }
      assertThat(memo.isSuspended("examiner-08", ENDED)).isFalse();
    } finally {
      bulk.commit();
    }
    assertThat(view.queries).containsExactly("intervalsOf examiner-07", "intervalsOf examiner-08");
    // the next bulk reads again: nothing outlives its unit of work
    UnitOfWork<?> next = DefaultUnitOfWork.startAndGet(new GenericMessage<>("next bulk"));
    try {
      BulkSuspensionMemo.enable(next);
      memo.isSuspended("examiner-07", FROM);
    } finally {
      next.commit();
    }
    assertThat(view.queries).hasSize(3).last().isEqualTo("intervalsOf examiner-07");
  }
}
