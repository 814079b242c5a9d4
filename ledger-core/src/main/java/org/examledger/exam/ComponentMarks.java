package org.examledger.exam;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The marks one candidate has for one component: who gave each, its value, whether signed. */
final class ComponentMarks {

  /**
   * One examiner's mark. {@code entryEventId} and {@code signed} describe its latest entry (the
   * recorded mark or its latest correction): a countersignature refers to that entry by event id.
   */
  record Mark(String examinerId, BigDecimal value, boolean signed, String entryEventId) {}

  final ScoreComponent component;
  final List<Mark> marks = new ArrayList<>();
  BigDecimal adjudicated;

  ComponentMarks(ScoreComponent component) {
    this.component = component;
  }

  List<BigDecimal> values() {
    return marks.stream().map(Mark::value).toList();
  }

  Optional<BigDecimal> finalScore() {
    return DoubleMarkingPolicy.finalScore(
        values(), component.doubleMarkingTolerance(), adjudicated);
  }

  /** 1-based number of the mark whose latest entry is this event, or 0. */
  int markNumberOfEntry(String eventId) {
    for (int i = 0; i < marks.size(); i++) {
      if (marks.get(i).entryEventId().equals(eventId)) {
        return i + 1;
      }
    }
    return 0;
  }

  /** 1-based number of the mark given by this examiner, or 0. */
  int markNumberOf(String examinerId) {
    for (int i = 0; i < marks.size(); i++) {
      if (marks.get(i).examinerId().equals(examinerId)) {
        return i + 1;
      }
    }
    return 0;
  }

  boolean diverging() {
    return component.doubleMarked()
        && marks.size() == 2
        && !DoubleMarkingPolicy.withinTolerance(
            marks.get(0).value(), marks.get(1).value(), component.doubleMarkingTolerance());
  }

  /** Value equality: the aggregate test fixture compares state rebuilt from events with it. */
  @Override
  public boolean equals(Object o) {
    return o instanceof ComponentMarks other
        && component.equals(other.component)
        && marks.equals(other.marks)
        && java.util.Objects.equals(adjudicated, other.adjudicated);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(component, marks, adjudicated);
  }
}
