package org.examledger.projections.bunching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BunchingEstimatorInputTest {

  private final BunchingEstimator estimator =
      new BunchingEstimator(BunchingParameters.defaults(60).withBootstrap(20, 1));

  private static int[] uniformScores(int perScore) {
    int[] scores = new int[101 * perScore];
    for (int i = 0; i < scores.length; i++) {
      scores[i] = i % 101;
    }
    return scores;
  }

  @Test
  void rejectsTooFewScores() {
    int[] scores = Arrays.copyOf(uniformScores(1), 99);

    assertThatThrownBy(() -> estimator.estimate(scores))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("too few scores: 99, the estimator needs at least 100 (minimumScores)");
  }

  @Test
  void rejectsNoScoresAtAll() {
    assertThatThrownBy(() -> estimator.estimate(new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("too few scores: 0, the estimator needs at least 100 (minimumScores)");
  }

  @Test
  void rejectsScoreAboveTheRange() {
    int[] scores = uniformScores(2);
    scores[17] = 101;

    assertThatThrownBy(() -> estimator.estimate(scores))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score 101 is outside the score range [0, 100]");
  }

  @Test
  void rejectsScoreBelowTheRange() {
    List<Integer> scores = new ArrayList<>(Arrays.stream(uniformScores(2)).boxed().toList());
    scores.add(-1);

    assertThatThrownBy(() -> estimator.estimate(scores))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score -1 is outside the score range [0, 100]");
  }

  @Test
  void rejectsNullScore() {
    List<Integer> scores = new ArrayList<>(Arrays.stream(uniformScores(2)).boxed().toList());
    scores.add(null);

    assertThatThrownBy(() -> estimator.estimate(scores))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scores contain null");
  }

  @Test
  void rejectsNegativeCountInHistogram() {
    Map<Integer, Long> histogram = new HashMap<>();
    histogram.put(50, 500L);
    histogram.put(57, -3L);

    assertThatThrownBy(() -> estimator.estimateFromHistogram(histogram))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count for score 57 is negative: -3");
  }

  @Test
  void rejectsNullCountInHistogram() {
    Map<Integer, Long> histogram = new HashMap<>();
    histogram.put(50, 500L);
    histogram.put(58, null);

    assertThatThrownBy(() -> estimator.estimateFromHistogram(histogram))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("histogram has a null score or count: 58=null");
  }

  @Test
  void rejectsHistogramScoreOutsideTheRange() {
    assertThatThrownBy(() -> estimator.estimateFromHistogram(Map.of(50, 500L, 200, 1L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score 200 is outside the score range [0, 100]");
  }

  @Test
  void rejectsHistogramWithTooFewScores() {
    assertThatThrownBy(() -> estimator.estimateFromHistogram(Map.of(50, 40L, 61, 59L)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("too few scores: 99, the estimator needs at least 100 (minimumScores)");
  }

  @Test
  void findsNothingInAFlatDistribution() {
    BunchingResult result = estimator.estimate(uniformScores(30));

    assertThat(result.excessMass()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(result.missingMass()).isCloseTo(0.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(result.significant()).isFalse();
  }

  @Test
  void reportsUndefinedShareWhenNothingIsExpectedBelowTheCutoff() {
    // Every score far above the fit range: the counterfactual is zero everywhere.
    int[] scores = new int[200];
    Arrays.fill(scores, 95);

    BunchingResult result = estimator.estimate(scores);

    assertThat(result.excessMass()).isEqualTo(0.0);
    assertThat(result.shareLifted()).isNaN();
    assertThat(result.shareLiftedSe()).isNaN();
    assertThat(result.zStatistic()).isEqualTo(0.0);
    assertThat(result.significant()).isFalse();
  }

  @Test
  void rejectsResultBinOutsideTheFitRange() {
    BunchingResult result = estimator.estimate(uniformScores(2));

    assertThatThrownBy(() -> result.bin(34))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("score 34 is outside the fit range [35, 85]");
  }
}
