package org.examledger.flags;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;

/**
 * The pass-mark crossing rule done the slow, obvious way for one session and one candidate: before
 * and after every correction or adjudication, recompute the total from scratch by scanning every
 * earlier event, with the marking policy written out again here (not {@code DoubleMarkingPolicy}).
 */
final class NaivePassMarkCrossing {

  private NaivePassMarkCrossing() {}

  static Set<String> crossings(List<LedgerEvent> events, BigDecimal window) {
    SessionScheduledEvent schedule =
        events.stream()
            .map(LedgerEvent::payload)
            .filter(SessionScheduledEvent.class::isInstance)
            .map(SessionScheduledEvent.class::cast)
            .findFirst()
            .orElseThrow();
    Set<String> found = new LinkedHashSet<>();
    for (int i = 0; i < events.size(); i++) {
      Object p = events.get(i).payload();
      if (!(p instanceof ScoreCorrectedEvent || p instanceof ScoreAdjudicatedEvent)) {
        continue;
      }
      BigDecimal before = total(schedule, events.subList(0, i));
      BigDecimal after = total(schedule, events.subList(0, i + 1));
      BigDecimal pass = schedule.passMark();
      if (before != null
          && after != null
          && before.compareTo(pass) < 0
          && after.compareTo(pass) >= 0
          && after.compareTo(pass.add(window)) <= 0) {
        found.add(events.get(i).eventId());
      }
    }
    return found;
  }

  /** The total, or null when a component has no final score. */
  private static BigDecimal total(SessionScheduledEvent schedule, List<LedgerEvent> events) {
    BigDecimal sum = BigDecimal.ZERO;
    for (ScoreComponent component : schedule.components()) {
      BigDecimal score = finalScore(component, events);
      if (score == null) {
        return null;
      }
      sum = sum.add(score);
    }
    return sum;
  }

  private static BigDecimal finalScore(ScoreComponent component, List<LedgerEvent> events) {
    List<BigDecimal> marks = new ArrayList<>();
    BigDecimal adjudicated = null;
    for (LedgerEvent event : events) {
      Object p = event.payload();
      if (p instanceof ScoreRecordedEvent e && e.componentId().equals(component.componentId())) {
        marks.add(e.score());
      } else if (p instanceof IndependentMarkRecordedEvent e
          && e.componentId().equals(component.componentId())) {
        marks.add(e.score());
      } else if (p instanceof ScoreCorrectedEvent e
          && e.componentId().equals(component.componentId())
          && e.markNumber() <= marks.size()) {
        marks.set(e.markNumber() - 1, e.newScore());
      } else if (p instanceof ScoreAdjudicatedEvent e
          && e.componentId().equals(component.componentId())) {
        adjudicated = e.score();
      }
    }
    if (adjudicated != null) {
      return adjudicated;
    }
    if (!component.doubleMarked()) {
      return marks.isEmpty() ? null : marks.get(0);
    }
    BigDecimal tolerance = component.doubleMarkingTolerance();
    if (marks.size() == 2) {
      BigDecimal a = marks.get(0);
      BigDecimal b = marks.get(1);
      return a.subtract(b).abs().compareTo(tolerance) <= 0 ? mean(a, b) : null;
    }
    if (marks.size() == 3) {
      BigDecimal d12 = marks.get(0).subtract(marks.get(1)).abs();
      BigDecimal d13 = marks.get(0).subtract(marks.get(2)).abs();
      BigDecimal d23 = marks.get(1).subtract(marks.get(2)).abs();
      if (d12.compareTo(d13) <= 0 && d12.compareTo(d23) <= 0) {
        return mean(marks.get(0), marks.get(1));
      }
      if (d13.compareTo(d23) <= 0) {
        return mean(marks.get(0), marks.get(2));
      }
      return mean(marks.get(1), marks.get(2));
    }
    return null;
  }

  private static BigDecimal mean(BigDecimal a, BigDecimal b) {
    return a.add(b).divide(BigDecimal.valueOf(2), 2, RoundingMode.UNNECESSARY);
  }
}
