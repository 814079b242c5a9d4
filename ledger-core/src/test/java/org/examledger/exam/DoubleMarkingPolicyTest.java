package org.examledger.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class DoubleMarkingPolicyTest {

  private static List<BigDecimal> marks(String... values) {
    return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
  }

  private static final BigDecimal FIVE = new BigDecimal("5");

  @Test
  void singleMarkedComponentIsItsMark() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("31.5"), null, null))
        .contains(new BigDecimal("31.5"));
  }

  @Test
  void twoMarksWithinToleranceAverage() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("50", "45"), FIVE, null))
        .contains(new BigDecimal("47.5"));
  }

  @Test
  void twoDivergingMarksHaveNoFinalScore() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("50", "44.5"), FIVE, null)).isEmpty();
  }

  @Test
  void threeMarksAverageTheClosestPair() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("50", "38", "48"), FIVE, null))
        .contains(new BigDecimal("49"));
  }

  @Test
  void equallyClosePairsTakeTheEarlierPair() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("40", "50", "60"), FIVE, null))
        .contains(new BigDecimal("45"));
  }

  @Test
  void adjudicationOverridesMarks() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("50", "38"), FIVE, new BigDecimal("44")))
        .contains(new BigDecimal("44"));
  }

  @Test
  void averageOfQuarterPointsIsExact() {
    assertThat(DoubleMarkingPolicy.finalScore(marks("40.25", "40.5"), FIVE, null))
        .contains(new BigDecimal("40.375"));
  }

  @Test
  void wholeAveragesStayPlainDecimals() {
    assertThat(
            DoubleMarkingPolicy.finalScore(marks("75", "85"), BigDecimal.TEN, null)
                .orElseThrow()
                .toString())
        .isEqualTo("80");
  }
}
