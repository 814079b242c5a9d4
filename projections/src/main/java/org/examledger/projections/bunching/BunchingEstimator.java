package org.examledger.projections.bunching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.descriptive.moment.StandardDeviation;

/**
 * Chetty-style bunching estimator for integer scores around a pass mark (Chetty, Friedman, Olsen
 * and Pistaferri 2011; Dee, Dobbie, Jacob and Rockoff 2019 on the New York Regents exams).
 *
 * <p>The histogram of scores is fitted by a polynomial outside a window around the pass mark; the
 * fitted values inside the window are the counterfactual: how many scores there would have been
 * without manipulation. Scores piled up at or just above the pass mark (excess mass) and scores
 * missing just below it (missing mass) are measured against it. Standard errors come from a
 * bootstrap that resamples the scores (candidates) with replacement and re-estimates, drawn from a
 * {@link SplittableRandom} seeded with {@link BunchingParameters#seed()}: the same scores and
 * parameters always give the same result.
 *
 * <p>Instances are immutable and thread-safe; estimation is pure. Bootstrap cost is {@code n *
 * bootstrapIterations} draws.
 */
public final class BunchingEstimator {

  private final BunchingParameters parameters;
  private final PolynomialCounterfactual counterfactual;

  /** An estimator with the given parameters (see {@link BunchingParameters#defaults(int)}). */
  public BunchingEstimator(BunchingParameters parameters) {
    this.parameters = Objects.requireNonNull(parameters, "parameters");
    this.counterfactual = new PolynomialCounterfactual(parameters);
  }

  /** The parameters of this estimator. */
  public BunchingParameters parameters() {
    return parameters;
  }

  /**
   * Estimates bunching from individual scores, one per candidate.
   *
   * @throws IllegalArgumentException if a score is outside the score range or there are fewer than
   *     {@link BunchingParameters#minimumScores()} scores
   */
  public BunchingResult estimate(int[] scores) {
    Objects.requireNonNull(scores, "scores");
    long[] histogram = new long[parameters.maxScore() - parameters.minScore() + 1];
    for (int score : scores) {
      histogram[indexOf(score)]++;
    }
    return estimateHistogram(histogram);
  }

  /**
   * Estimates bunching from individual scores, one per candidate.
   *
   * @throws IllegalArgumentException if a score is null or outside the score range, or there are
   *     fewer than {@link BunchingParameters#minimumScores()} scores
   */
  public BunchingResult estimate(Collection<Integer> scores) {
    Objects.requireNonNull(scores, "scores");
    long[] histogram = new long[parameters.maxScore() - parameters.minScore() + 1];
    for (Integer score : scores) {
      if (score == null) {
        throw new IllegalArgumentException("scores contain null");
      }
      histogram[indexOf(score)]++;
    }
    return estimateHistogram(histogram);
  }

  /**
   * Estimates bunching from a histogram: how many candidates had each score. Scores absent from the
   * map count as zero. The bootstrap resamples candidates, exactly as if the scores had been given
   * one by one.
   *
   * @throws IllegalArgumentException if a score is outside the score range, a count is negative or
   *     null, or the counts add up to fewer than {@link BunchingParameters#minimumScores()}
   */
  public BunchingResult estimateFromHistogram(Map<Integer, Long> countsByScore) {
    Objects.requireNonNull(countsByScore, "countsByScore");
    long[] histogram = new long[parameters.maxScore() - parameters.minScore() + 1];
    for (Map.Entry<Integer, Long> entry : countsByScore.entrySet()) {
      if (entry.getKey() == null || entry.getValue() == null) {
        throw new IllegalArgumentException(
            "histogram has a null score or count: " + entry.getKey() + "=" + entry.getValue());
      }
      long count = entry.getValue();
      if (count < 0) {
        throw new IllegalArgumentException(
            "count for score " + entry.getKey() + " is negative: " + count);
      }
      histogram[indexOf(entry.getKey())] += count;
    }
    return estimateHistogram(histogram);
  }

  private int indexOf(int score) {
    if (score < parameters.minScore() || score > parameters.maxScore()) {
      throw new IllegalArgumentException(
          "score "
              + score
              + " is outside the score range ["
              + parameters.minScore()
              + ", "
              + parameters.maxScore()
              + "]");
    }
    return score - parameters.minScore();
  }

  private BunchingResult estimateHistogram(long[] histogram) {
    long n = 0;
    for (long count : histogram) {
      n = Math.addExact(n, count);
    }
    if (n < parameters.minimumScores()) {
      throw new IllegalArgumentException(
          "too few scores: "
              + n
              + ", the estimator needs at least "
              + parameters.minimumScores()
              + " (minimumScores)");
    }
    long[] fitCounts = fitRangeCounts(histogram);
    double[] fitted = counterfactual.fit(fitCounts);
    Masses point = masses(fitCounts, fitted);

    Bootstrap bootstrap = bootstrap(histogram, n);
    double excessSe = bootstrap.excessSe();
    double z = zStatistic(point.excess(), excessSe);
    // Lifted scores leave a hole below the cutoff. A polynomial that merely cannot follow a peak
    // at the cutoff under-predicts both sides instead: excess above, negative missing mass below.
    boolean significant =
        point.excess() > 0
            && z > parameters.criticalZ()
            && point.excess() >= parameters.minimumExcessShare() * n
            && point.missing() > 0;

    List<BinEstimate> bins = new ArrayList<>(fitCounts.length);
    for (int i = 0; i < fitCounts.length; i++) {
      int score = parameters.fitLow() + i;
      bins.add(new BinEstimate(score, fitCounts[i], fitted[i], parameters.regionOf(score)));
    }
    return new BunchingResult(
        parameters,
        n,
        bins,
        point.excess(),
        excessSe,
        point.missing(),
        bootstrap.missingSe(),
        point.share(),
        bootstrap.shareSe(),
        point.excess() - point.missing(),
        bootstrap.imbalanceSe(),
        z,
        significant);
  }

  private long[] fitRangeCounts(long[] histogram) {
    int from = parameters.fitLow() - parameters.minScore();
    return Arrays.copyOfRange(
        histogram, from, from + parameters.fitHigh() - parameters.fitLow() + 1);
  }

  private Masses masses(long[] fitCounts, double[] fitted) {
    double excess = 0;
    double missing = 0;
    double counterfactualBelow = 0;
    for (int i = 0; i < fitCounts.length; i++) {
      switch (parameters.regionOf(parameters.fitLow() + i)) {
        case AT_OR_ABOVE_CUTOFF -> excess += fitCounts[i] - fitted[i];
        case BELOW_CUTOFF -> {
          missing += fitted[i] - fitCounts[i];
          counterfactualBelow += fitted[i];
        }
        case FITTED -> {}
      }
    }
    double share = counterfactualBelow > 0 ? missing / counterfactualBelow : Double.NaN;
    return new Masses(excess, missing, share);
  }

  /** Resamples n scores with replacement from the observed histogram, B times, re-estimating. */
  private Bootstrap bootstrap(long[] histogram, long n) {
    long[] cumulative = new long[histogram.length];
    long running = 0;
    for (int i = 0; i < histogram.length; i++) {
      running += histogram[i];
      cumulative[i] = running;
    }
    int iterations = parameters.bootstrapIterations();
    int fitFrom = parameters.fitLow() - parameters.minScore();
    int fitBins = parameters.fitHigh() - parameters.fitLow() + 1;
    double[] excess = new double[iterations];
    double[] missing = new double[iterations];
    double[] imbalance = new double[iterations];
    double[] share = new double[iterations];
    int definedShares = 0;
    SplittableRandom random = new SplittableRandom(parameters.seed());
    long[] sample = new long[fitBins];
    for (int b = 0; b < iterations; b++) {
      Arrays.fill(sample, 0);
      for (long draw = 0; draw < n; draw++) {
        int index = firstAbove(cumulative, random.nextLong(n)) - fitFrom;
        if (index >= 0 && index < fitBins) {
          sample[index]++;
        }
      }
      Masses replicate = masses(sample, counterfactual.fit(sample));
      excess[b] = replicate.excess();
      missing[b] = replicate.missing();
      imbalance[b] = replicate.excess() - replicate.missing();
      if (!Double.isNaN(replicate.share())) {
        share[definedShares++] = replicate.share();
      }
    }
    StandardDeviation sd = new StandardDeviation(true);
    return new Bootstrap(
        sd.evaluate(excess),
        sd.evaluate(missing),
        definedShares >= 2 ? sd.evaluate(share, 0, definedShares) : Double.NaN,
        sd.evaluate(imbalance));
  }

  /** The first index whose cumulative count exceeds {@code draw}: the bin of candidate #draw. */
  private static int firstAbove(long[] cumulative, long draw) {
    int low = 0;
    int high = cumulative.length - 1;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (cumulative[mid] > draw) {
        high = mid;
      } else {
        low = mid + 1;
      }
    }
    return low;
  }

  private static double zStatistic(double excess, double se) {
    if (se > 0) {
      return excess / se;
    }
    // No sampling variation at all (every bootstrap sample gave the same excess).
    return excess == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, excess);
  }

  private record Masses(double excess, double missing, double share) {}

  private record Bootstrap(double excessSe, double missingSe, double shareSe, double imbalanceSe) {}
}
