package org.examledger.exam;

import java.math.BigDecimal;

/**
 * One scored part of a session (theory paper, a practical item) with its maximum.
 *
 * @param componentId short stable identifier, unique within the session
 * @param name what the component is called on the score sheet
 * @param maxScore the highest score an examiner may give for it
 * @param doubleMarkingTolerance {@code null} when one examiner marks it; otherwise two examiners
 *     mark it independently and marks further apart than this need a third mark or adjudication
 */
public record ScoreComponent(
    String componentId, String name, BigDecimal maxScore, BigDecimal doubleMarkingTolerance) {

  /** A component marked by one examiner. */
  public static ScoreComponent singleMarked(String componentId, String name, BigDecimal maxScore) {
    return new ScoreComponent(componentId, name, maxScore, null);
  }

  public boolean doubleMarked() {
    return doubleMarkingTolerance != null;
  }
}
