package org.examledger.projections.bunching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class BunchingEstimatorProperties {

  private static BunchingParameters parameters(
      int passMark, int below, int above, int bandwidth, int degree) {
    return BunchingParameters.defaults(passMark)
        .withWindow(below, above)
        .withFit(degree, bandwidth)
        .withBootstrap(2, 1)
        .withMinimumScores(1);
  }

  private static Map<Integer, Long> histogram(List<Integer> countsByScore) {
    Map<Integer, Long> histogram = new TreeMap<>();
    for (int score = 0; score < countsByScore.size(); score++) {
      histogram.put(score, (long) countsByScore.get(score));
    }
    return histogram;
  }

  @Property(tries = 60, seed = "7011")
  void counterfactualMatchesTheNormalEquationsWithWindowDummies(
      @ForAll @IntRange(min = 20, max = 80) int passMark,
      @ForAll @IntRange(min = 1, max = 6) int below,
      @ForAll @IntRange(min = 0, max = 6) int above,
      @ForAll @IntRange(min = 12, max = 30) int bandwidth,
      @ForAll @IntRange(min = 0, max = 9) int degree,
      @ForAll @Size(101) List<@IntRange(min = 0, max = 500) Integer> counts) {
    Assume.that(counts.stream().mapToLong(Integer::longValue).sum() > 0);
    BunchingParameters p = parameters(passMark, below, above, bandwidth, degree);

    BunchingResult result = new BunchingEstimator(p).estimateFromHistogram(histogram(counts));

    long[] fitCounts = new long[p.fitHigh() - p.fitLow() + 1];
    for (int i = 0; i < fitCounts.length; i++) {
      fitCounts[i] = counts.get(p.fitLow() + i);
    }
    double[] reference = NaiveBunchingReference.counterfactual(fitCounts, p);
    assertThat(result.bins()).hasSize(reference.length);
    for (int i = 0; i < reference.length; i++) {
      assertThat(result.bins().get(i).actual()).isEqualTo(fitCounts[i]);
      assertThat(result.bins().get(i).counterfactual()).isCloseTo(reference[i], within(1e-6));
    }
  }

  @Property(tries = 60, seed = "7012")
  void movingScoresAcrossTheCutoffInsideTheWindowRaisesBothMassesByExactlyThatMany(
      @ForAll @IntRange(min = 20, max = 80) int passMark,
      @ForAll @IntRange(min = 1, max = 6) int below,
      @ForAll @IntRange(min = 0, max = 6) int above,
      @ForAll @IntRange(min = 0, max = 5) int fromOffset,
      @ForAll @IntRange(min = 0, max = 6) int toOffset,
      @ForAll @IntRange(min = 1, max = 100) int moved,
      @ForAll @Size(101) List<@IntRange(min = 100, max = 500) Integer> counts) {
    BunchingParameters p = parameters(passMark, below, above, 25, 7);
    int from = passMark - 1 - Math.min(fromOffset, below - 1);
    int to = passMark + Math.min(toOffset, above);
    Map<Integer, Long> before = histogram(counts);
    Map<Integer, Long> after = new TreeMap<>(before);
    after.merge(from, (long) -moved, Long::sum);
    after.merge(to, (long) moved, Long::sum);
    BunchingEstimator estimator = new BunchingEstimator(p);

    BunchingResult original = estimator.estimateFromHistogram(before);
    BunchingResult manipulated = estimator.estimateFromHistogram(after);

    for (int i = 0; i < original.bins().size(); i++) {
      assertThat(manipulated.bins().get(i).counterfactual())
          .isCloseTo(original.bins().get(i).counterfactual(), within(1e-9));
    }
    assertThat(manipulated.excessMass()).isCloseTo(original.excessMass() + moved, within(1e-6));
    assertThat(manipulated.missingMass()).isCloseTo(original.missingMass() + moved, within(1e-6));
    assertThat(manipulated.imbalance()).isCloseTo(original.imbalance(), within(1e-6));
  }

  @Property(tries = 40, seed = "7013")
  void doublingEveryCountDoublesTheMassesAndKeepsTheShare(
      @ForAll @IntRange(min = 20, max = 80) int passMark,
      @ForAll @IntRange(min = 0, max = 9) int degree,
      @ForAll @Size(101) List<@IntRange(min = 0, max = 300) Integer> counts) {
    Assume.that(counts.stream().mapToLong(Integer::longValue).sum() > 0);
    BunchingEstimator estimator = new BunchingEstimator(parameters(passMark, 5, 5, 20, degree));
    Map<Integer, Long> doubled = new TreeMap<>();
    histogram(counts).forEach((score, count) -> doubled.put(score, 2 * count));

    BunchingResult once = estimator.estimateFromHistogram(histogram(counts));
    BunchingResult twice = estimator.estimateFromHistogram(doubled);

    double tolerance = 1e-9 * (1 + Math.abs(once.excessMass()) + Math.abs(once.missingMass()));
    assertThat(twice.excessMass()).isCloseTo(2 * once.excessMass(), within(100 * tolerance));
    assertThat(twice.missingMass()).isCloseTo(2 * once.missingMass(), within(100 * tolerance));
    if (Double.isNaN(once.shareLifted())) {
      assertThat(twice.shareLifted()).isNaN();
    } else {
      assertThat(twice.shareLifted()).isCloseTo(once.shareLifted(), within(1e-9));
    }
  }

  @Property(tries = 20, seed = "7014")
  void sameScoresAndSeedGiveTheSameResult(
      @ForAll long seed,
      @ForAll @IntRange(min = 30, max = 70) int passMark,
      @ForAll @Size(101) List<@IntRange(min = 0, max = 40) Integer> counts) {
    Assume.that(counts.stream().mapToLong(Integer::longValue).sum() >= 100);
    BunchingParameters p = BunchingParameters.defaults(passMark).withBootstrap(30, seed);

    BunchingResult first = new BunchingEstimator(p).estimateFromHistogram(histogram(counts));
    BunchingResult second = new BunchingEstimator(p).estimateFromHistogram(histogram(counts));

    assertThat(second).isEqualTo(first);
  }
}
