package org.examledger.sheets;

import java.math.BigDecimal;
import java.util.List;
import org.examledger.exam.SheetStatus;

/**
 * A candidate's result sheet as the projection currently sees it.
 *
 * @param total the sum of the components' final scores
 * @param status the sheet's life cycle: OPEN, SUBMITTED, LOCKED, PUBLISHED
 * @param outcome {@code INCOMPLETE} until every component has a score, then {@code PASS} when the
 *     total reaches the pass mark, else {@code FAIL}
 */
public record ResultSheetView(
    String sessionId,
    String candidateId,
    String occupation,
    BigDecimal passMark,
    List<ComponentScoreView> components,
    BigDecimal total,
    Outcome outcome,
    SheetStatus status) {

  /** Where the candidate stands. */
  public enum Outcome {
    INCOMPLETE,
    PASS,
    FAIL
  }

  /**
   * One component on the sheet. {@code score} is the final score by {@link
   * org.examledger.exam.DoubleMarkingPolicy}: {@code null} until the first mark, and for a
   * double-marked component until the marks agree, a third mark is given or the chief examiner
   * adjudicates. {@code recordedBy}, {@code submittedBy} describe the first mark ({@code null}
   * before it); {@code signed} is whether every current mark entry is signed.
   *
   * @param marks the current value of each mark, in mark order
   * @param adjudicated the chief examiner's value, or {@code null}
   */
  public record ComponentScoreView(
      String componentId,
      String name,
      BigDecimal maxScore,
      BigDecimal score,
      String recordedBy,
      String submittedBy,
      Boolean signed,
      List<BigDecimal> marks,
      BigDecimal adjudicated) {}
}
