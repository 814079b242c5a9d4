package org.examledger.projections.scores;

import java.math.BigDecimal;
import java.util.List;

/**
 * A candidate's result sheet as the projection currently sees it.
 *
 * @param total the sum of the recorded component scores
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
    Outcome outcome) {

  /** Where the candidate stands. */
  public enum Outcome {
    INCOMPLETE,
    PASS,
    FAIL
  }

  /**
   * One component on the sheet; {@code score} and the fields after it are {@code null} until a
   * score is recorded.
   */
  public record ComponentScoreView(
      String componentId,
      String name,
      BigDecimal maxScore,
      BigDecimal score,
      String recordedBy,
      String submittedBy,
      Boolean signed) {}
}
