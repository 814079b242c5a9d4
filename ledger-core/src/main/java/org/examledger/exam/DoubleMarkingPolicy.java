package org.examledger.exam;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * How a component's final score follows from its marks. Single marking: the (latest) mark. Double
 * marking: two marks within tolerance give their average; further apart, a third mark gives the
 * average of the closest pair (ties: the earlier pair, in the order 1-2, 1-3, 2-3), and an
 * adjudication by the chief examiner overrides all marks.
 */
public final class DoubleMarkingPolicy {

  private DoubleMarkingPolicy() {}

  /**
   * @param marks the current value of each mark, in mark order
   * @param tolerance {@code null} for a single-marked component
   * @param adjudicated the chief examiner's value, or {@code null}
   * @return the final score, or empty while marks are missing or diverge without a third mark
   */
  public static Optional<BigDecimal> finalScore(
      List<BigDecimal> marks, BigDecimal tolerance, BigDecimal adjudicated) {
    if (adjudicated != null) {
      return Optional.of(adjudicated);
    }
    if (tolerance == null) {
      return marks.isEmpty() ? Optional.empty() : Optional.of(marks.get(0));
    }
    if (marks.size() == 2) {
      return withinTolerance(marks.get(0), marks.get(1), tolerance)
          ? Optional.of(average(marks.get(0), marks.get(1)))
          : Optional.empty();
    }
    if (marks.size() == 3) {
      int[][] pairs = {{0, 1}, {0, 2}, {1, 2}};
      int[] best = pairs[0];
      for (int[] pair : pairs) {
        if (distance(marks, pair).compareTo(distance(marks, best)) < 0) {
          best = pair;
        }
      }
      return Optional.of(average(marks.get(best[0]), marks.get(best[1])));
    }
    return Optional.empty();
  }

  static boolean withinTolerance(BigDecimal a, BigDecimal b, BigDecimal tolerance) {
    return a.subtract(b).abs().compareTo(tolerance) <= 0;
  }

  private static BigDecimal distance(List<BigDecimal> marks, int[] pair) {
    return marks.get(pair[0]).subtract(marks.get(pair[1])).abs();
  }

  /** Exact: halving a decimal adds at most one digit of scale. */
  private static BigDecimal average(BigDecimal a, BigDecimal b) {
    BigDecimal sum = a.add(b);
    return plain(sum.divide(BigDecimal.valueOf(2), sum.scale() + 1, RoundingMode.UNNECESSARY));
  }

  /** Drops trailing zeros without going to exponent form: 80.0 becomes 80, never 8E+1. */
  static BigDecimal plain(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
