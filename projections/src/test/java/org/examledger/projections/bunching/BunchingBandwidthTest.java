package org.examledger.projections.bunching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

/**
 * How the fit range and the polynomial's degree bias the estimate on clean data, on noise-free
 * histograms (the expected counts of a rounded normal distribution, no manipulation at all). These
 * are the cases docs/bunching.md quotes: why the default fits 25 points either side of the pass
 * mark and not the whole 0-100 range, where that default stops working, and why {@code significant}
 * also needs a minimum excess share.
 */
class BunchingBandwidthTest {

  /** Expected counts of round(N(mean, sd)) within 0..100, rounded to whole candidates. */
  private static Map<Integer, Long> expectedNormalHistogram(double mean, double sd, int n) {
    NormalDistribution normal = new NormalDistribution(null, mean, sd);
    Map<Integer, Long> histogram = new TreeMap<>();
    for (int score = 0; score <= 100; score++) {
      double low = score == 0 ? Double.NEGATIVE_INFINITY : score - 0.5;
      double high = score == 100 ? Double.POSITIVE_INFINITY : score + 0.5;
      histogram.put(score, Math.round(n * normal.probability(low, high)));
    }
    return histogram;
  }

  private static BunchingResult estimate(
      BunchingParameters parameters, double mean, double sd, int n) {
    return new BunchingEstimator(parameters)
        .estimateFromHistogram(expectedNormalHistogram(mean, sd, n));
  }

  @Test
  void wholeRangeSeventhDegreeFitInventsBunchingOnCleanData() {
    BunchingParameters wholeRange =
        BunchingParameters.defaults(60).withFit(7, 60).withBootstrap(2, 1);

    BunchingResult result = estimate(wholeRange, 65, 12, 200_000);

    assertThat(result.parameters().fitLow()).isZero();
    assertThat(result.parameters().fitHigh()).isEqualTo(100);
    assertThat(result.excessShareOfScores()).isGreaterThan(0.01);
  }

  @Test
  void defaultFitRangeKeepsTheBiasSmallForTheSyntheticDistribution() {
    BunchingResult result =
        estimate(BunchingParameters.defaults(60).withBootstrap(2, 1), 65, 12, 200_000);

    assertThat(Math.abs(result.excessShareOfScores())).isLessThan(0.001);
    assertThat(Math.abs(result.shareLifted())).isLessThan(0.005);
  }

  /**
   * A known limitation, pinned so that it stays documented: a narrow distribution (sd 8) peaking at
   * the pass mark is too curved for the default fit, which under-predicts the peak on both sides of
   * the cutoff. The excess above is then several standard errors from zero, but the missing mass
   * below is negative, so the verdict stays quiet. Fitting on about two standard deviations either
   * side removes the bias itself.
   */
  @Test
  void defaultFitRangeIsTooWideForANarrowDistributionPeakingAtThePassMark() {
    BunchingParameters defaults = BunchingParameters.defaults(60);

    BunchingResult tooWide = estimate(defaults, 60, 8, 20_000);
    BunchingResult twoSds = estimate(defaults.withFit(7, 16), 60, 8, 20_000);

    assertThat(tooWide.excessShareOfScores()).isGreaterThan(0.01);
    assertThat(tooWide.zStatistic()).isGreaterThan(BunchingParameters.DEFAULT_CRITICAL_Z);
    assertThat(tooWide.missingMass()).isNegative();
    assertThat(tooWide.massBalanced()).isFalse();
    assertThat(tooWide.significant()).isFalse();
    assertThat(Math.abs(twoSds.excessShareOfScores())).isLessThan(0.005);
    assertThat(twoSds.significant()).isFalse();
  }

  /**
   * Masses are counts: a standard error grows like the square root of n, an excess of a fixed share
   * like n. Among a million scores, lifting 0.3% of them (or a polynomial a little off) is many
   * standard errors; the minimum excess share (0.5% by default) keeps such small effects from being
   * called significant.
   */
  @Test
  void smallExcessAmongVeryManyScoresIsSignificantOnlyWithoutTheMaterialityFloor() {
    Map<Integer, Long> histogram = expectedNormalHistogram(65, 12, 1_000_000);
    for (int score = 55; score <= 59; score++) {
      histogram.merge(score, -600L, Long::sum);
    }
    for (int score = 60; score <= 62; score++) {
      histogram.merge(score, 1_000L, Long::sum);
    }
    BunchingParameters parameters = BunchingParameters.defaults(60).withBootstrap(30, 3);

    BunchingResult result = new BunchingEstimator(parameters).estimateFromHistogram(histogram);
    BunchingResult withoutFloor =
        new BunchingEstimator(parameters.withMinimumExcessShare(0))
            .estimateFromHistogram(histogram);

    assertThat(result.excessShareOfScores()).isBetween(0.002, 0.005);
    assertThat(result.missingMass()).isPositive();
    assertThat(result.zStatistic()).isGreaterThan(BunchingParameters.DEFAULT_CRITICAL_Z);
    assertThat(result.significant()).isFalse();
    assertThat(withoutFloor.significant()).isTrue();
  }
}
