package org.examledger.flags;

import java.math.BigDecimal;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;

/** The phrases explanations share, so that every rule words a score entry the same way. */
final class Explain {

  private Explain() {}

  /** Scores as people write them: 57, 57.5, never 5.7E+1 or 57.50. */
  static String num(BigDecimal value) {
    if (value == null) {
      return "none";
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }

  /**
   * "score of candidate C-0001 in component practical changed from 57 to 60 by examiner-07", or
   * {@code null} when the payload is not a score entry.
   */
  static String scoreEntry(Object payload, String actorId) {
    if (payload instanceof ScoreRecordedEvent e) {
      return "score of candidate "
          + e.candidateId()
          + " in component "
          + e.componentId()
          + " recorded as "
          + num(e.score())
          + " by "
          + actorId;
    }
    if (payload instanceof IndependentMarkRecordedEvent e) {
      return "mark "
          + e.markNumber()
          + " of candidate "
          + e.candidateId()
          + " in component "
          + e.componentId()
          + " recorded as "
          + num(e.score())
          + " by "
          + actorId;
    }
    if (payload instanceof ScoreCorrectedEvent e) {
      return "score of candidate "
          + e.candidateId()
          + " in component "
          + e.componentId()
          + (e.markNumber() > 1 ? " (mark " + e.markNumber() + ")" : "")
          + " changed from "
          + num(e.oldScore())
          + " to "
          + num(e.newScore())
          + " by "
          + actorId;
    }
    if (payload instanceof ScoreAdjudicatedEvent e) {
      return "score of candidate "
          + e.candidateId()
          + " in component "
          + e.componentId()
          + " adjudicated as "
          + num(e.score())
          + " by "
          + actorId;
    }
    if (payload instanceof ScoreCountersignedEvent e) {
      return "score "
          + num(e.score())
          + " of candidate "
          + e.candidateId()
          + " in component "
          + e.componentId()
          + " countersigned by "
          + actorId;
    }
    return null;
  }

  /** "24 h", "90 min", "30 s": the window as a supervisor reads it. */
  static String duration(java.time.Duration d) {
    if (d.toSeconds() % 3600 == 0) {
      return d.toHours() + " h";
    }
    if (d.toSeconds() % 60 == 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }

  /** Whether the payload is a score entry: a mark, its correction or an adjudication. */
  static boolean isScoreEntry(Object payload) {
    return payload instanceof ScoreRecordedEvent
        || payload instanceof IndependentMarkRecordedEvent
        || payload instanceof ScoreCorrectedEvent
        || payload instanceof ScoreAdjudicatedEvent;
  }

  /** "a", "a and b", "a, b and c". */
  static String and(java.util.List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1))
        + " and "
        + items.get(items.size() - 1);
  }
}
