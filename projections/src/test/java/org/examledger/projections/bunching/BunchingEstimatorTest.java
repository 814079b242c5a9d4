package org.examledger.projections.bunching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BunchingEstimatorTest {

  private static final int PASS_MARK = 60;
  private static final int N = 20_000;

  /** Scores of about 20,000 candidates, normal with mean 65 and sd 12, rounded, within 0..100. */
  private static int[] cleanScores(long seed) {
    return SyntheticScores.discretizedNormal(seed, N, 65, 12, 0, 100);
  }

  /** About 40% of the scores in [55, 59] lifted to 60, 61 or 62, like the New York Regents. */
  private static SyntheticScores.Inflated regentsStyle(long seed) {
    return SyntheticScores.lift(cleanScores(seed), seed + 1, 55, 59, 0.40, 60, 62);
  }

  @Test
  void recoversPlantedInflationOfFortyPercentWithinItsError() {
    SyntheticScores.Inflated data = regentsStyle(7);
    BunchingResult result =
        new BunchingEstimator(BunchingParameters.defaults(PASS_MARK)).estimate(data.scores());

    assertThat(data.realizedShare()).isCloseTo(0.40, within(0.02));
    // The errors must be small enough for the checks below to mean something.
    assertThat(result.shareLiftedSe()).isBetween(0.005, 0.04);
    assertThat(result.excessMassSe()).isBetween(30.0, 250.0);

    // The truth of this sample is the share actually lifted (0.40 plus binomial noise).
    assertThat(result.shareLifted())
        .isCloseTo(data.realizedShare(), within(2 * result.shareLiftedSe()));
    assertThat(result.excessMass()).isCloseTo(data.lifted(), within(2 * result.excessMassSe()));
    assertThat(result.massBalanced()).isTrue();
    assertThat(result.zStatistic()).isGreaterThan(5);
    assertThat(result.significant()).isTrue();
    // Dee et al. (2019): about 6% of all Regents tests were inflated.
    assertThat(result.excessShareOfScores()).isBetween(0.04, 0.07);
    assertThat(result.scores()).isEqualTo(N);
  }

  @Test
  void staysQuietOnCleanData() {
    BunchingResult result =
        new BunchingEstimator(BunchingParameters.defaults(PASS_MARK)).estimate(cleanScores(7));

    assertThat(result.excessMassSe()).isBetween(30.0, 250.0);
    assertThat(result.significant()).isFalse();
    assertThat(result.zStatistic()).isLessThan(BunchingParameters.DEFAULT_CRITICAL_Z);
    assertThat(result.excessMass()).isCloseTo(0.0, within(2 * result.excessMassSe()));
    assertThat(result.shareLifted()).isCloseTo(0.0, within(2 * result.shareLiftedSe()));
  }

  /**
   * Twenty independent seeds: the planted inflation is flagged every time and its errors cover the
   * truth in most of them; clean data is flagged rarely (a one-sided 2.5% test). The single-seed
   * test above checks share and excess; the missing mass is checked here because its bootstrap
   * error measures the estimator's spread, not the binomial noise of how many were lifted in one
   * sample (docs/bunching.md).
   */
  @Test
  void isCalibratedAcrossTwentySeeds() {
    BunchingEstimator estimator =
        new BunchingEstimator(BunchingParameters.defaults(PASS_MARK).withBootstrap(200, 99));
    int flaggedInflated = 0;
    int covered = 0;
    int excessCovered = 0;
    int missingCovered = 0;
    int flaggedClean = 0;
    for (long seed = 100; seed < 120; seed++) {
      SyntheticScores.Inflated data = regentsStyle(seed);
      BunchingResult inflated = estimator.estimate(data.scores());
      if (inflated.significant()) {
        flaggedInflated++;
      }
      if (Math.abs(inflated.shareLifted() - data.realizedShare()) <= 2 * inflated.shareLiftedSe()) {
        covered++;
      }
      if (Math.abs(inflated.excessMass() - data.lifted()) <= 2 * inflated.excessMassSe()) {
        excessCovered++;
      }
      if (Math.abs(inflated.missingMass() - data.lifted()) <= 2 * inflated.missingMassSe()) {
        missingCovered++;
      }
      if (estimator.estimate(cleanScores(seed)).significant()) {
        flaggedClean++;
      }
    }
    assertThat(flaggedInflated).isEqualTo(20);
    // 2-SE intervals (nominally 95%) must cover the truth in at least 16 of 20 samples.
    assertThat(covered).isGreaterThanOrEqualTo(16);
    assertThat(excessCovered).isGreaterThanOrEqualTo(16);
    assertThat(missingCovered).isGreaterThanOrEqualTo(16);
    assertThat(flaggedClean).isLessThanOrEqualTo(2);
  }

  /**
   * The Polish matura shape (pass mark 30%): about 3.7% of candidates exactly at the pass mark, the
   * two marks below nearly empty.
   */
  @Test
  void detectsPolishMaturaShapeAtExactlyThePassMark() {
    int passMark = 30;
    int[] clean = SyntheticScores.discretizedNormal(11, N, 50, 15, 0, 100);
    SyntheticScores.Inflated nearlyEmptied =
        SyntheticScores.lift(clean, 12, 28, 29, 0.95, passMark, passMark);
    SyntheticScores.Inflated data =
        SyntheticScores.lift(nearlyEmptied.scores(), 13, 25, 27, 0.35, passMark, passMark);
    int lifted = nearlyEmptied.lifted() + data.lifted();

    BunchingResult result =
        new BunchingEstimator(BunchingParameters.defaults(passMark)).estimate(data.scores());

    assertThat(SyntheticScores.count(data.scores(), passMark) / (double) N)
        .isCloseTo(0.037, within(0.004));
    assertThat(result.significant()).isTrue();
    assertThat(result.excessMass()).isCloseTo(lifted, within(2 * result.excessMassSe()));
    assertThat(result.bin(passMark).difference()).isGreaterThan(0.9 * result.excessMass());
    for (int nearlyEmpty = passMark - 2; nearlyEmpty < passMark; nearlyEmpty++) {
      BinEstimate bin = result.bin(nearlyEmpty);
      assertThat(bin.region()).isEqualTo(BinRegion.BELOW_CUTOFF);
      assertThat((double) bin.actual()).isLessThan(0.1 * bin.counterfactual());
    }
  }

  @Test
  void givesIdenticalResultsForTheSameSeed() {
    int[] scores = regentsStyle(21).scores();
    BunchingParameters parameters = BunchingParameters.defaults(PASS_MARK).withBootstrap(100, 5);

    BunchingResult first = new BunchingEstimator(parameters).estimate(scores);
    BunchingResult second = new BunchingEstimator(parameters).estimate(scores.clone());

    assertThat(second).isEqualTo(first);
  }

  @Test
  void anotherSeedChangesOnlyTheStandardErrors() {
    int[] scores = regentsStyle(21).scores();
    BunchingParameters parameters = BunchingParameters.defaults(PASS_MARK).withBootstrap(100, 5);

    BunchingResult first = new BunchingEstimator(parameters).estimate(scores);
    BunchingResult other = new BunchingEstimator(parameters.withBootstrap(100, 6)).estimate(scores);

    assertThat(other.bins()).isEqualTo(first.bins());
    assertThat(other.excessMass()).isEqualTo(first.excessMass());
    assertThat(other.shareLifted()).isEqualTo(first.shareLifted());
    assertThat(other.excessMassSe()).isNotEqualTo(first.excessMassSe());
    assertThat(other.excessMassSe())
        .isCloseTo(first.excessMassSe(), within(0.3 * first.excessMassSe()));
  }

  @Test
  void histogramAndIndividualScoresGiveTheSameResult() {
    int[] scores = regentsStyle(31).scores();
    java.util.Map<Integer, Long> histogram = new java.util.TreeMap<>();
    for (int score : scores) {
      histogram.merge(score, 1L, Long::sum);
    }
    BunchingEstimator estimator =
        new BunchingEstimator(BunchingParameters.defaults(PASS_MARK).withBootstrap(50, 1));

    assertThat(estimator.estimateFromHistogram(histogram)).isEqualTo(estimator.estimate(scores));
    assertThat(estimator.estimate(java.util.Arrays.stream(scores).boxed().toList()))
        .isEqualTo(estimator.estimate(scores));
  }

  @Test
  void counterfactualEqualsTheNormalEquationsWithWindowDummies() {
    int[] scores = regentsStyle(41).scores();
    BunchingParameters parameters = BunchingParameters.defaults(PASS_MARK).withBootstrap(2, 1);
    BunchingResult result = new BunchingEstimator(parameters).estimate(scores);

    long[] fitCounts = new long[result.bins().size()];
    for (int i = 0; i < fitCounts.length; i++) {
      fitCounts[i] = SyntheticScores.count(scores, parameters.fitLow() + i);
      assertThat(result.bins().get(i).actual()).isEqualTo(fitCounts[i]);
    }
    double[] reference = NaiveBunchingReference.counterfactual(fitCounts, parameters);
    for (int i = 0; i < reference.length; i++) {
      assertThat(result.bins().get(i).counterfactual()).isCloseTo(reference[i], within(1e-6));
    }
  }

  @Test
  void reportsEveryBinOfTheFitRangeWithItsRegion() {
    BunchingResult result =
        new BunchingEstimator(BunchingParameters.defaults(PASS_MARK).withBootstrap(2, 1))
            .estimate(cleanScores(3));

    assertThat(result.bins()).hasSize(51);
    assertThat(result.bins().get(0).score()).isEqualTo(35);
    assertThat(result.bins().get(50).score()).isEqualTo(85);
    assertThat(result.bin(54).region()).isEqualTo(BinRegion.FITTED);
    assertThat(result.bin(55).region()).isEqualTo(BinRegion.BELOW_CUTOFF);
    assertThat(result.bin(59).region()).isEqualTo(BinRegion.BELOW_CUTOFF);
    assertThat(result.bin(60).region()).isEqualTo(BinRegion.AT_OR_ABOVE_CUTOFF);
    assertThat(result.bin(65).region()).isEqualTo(BinRegion.AT_OR_ABOVE_CUTOFF);
    assertThat(result.bin(66).region()).isEqualTo(BinRegion.FITTED);
  }
}
