package org.examledger.projections.bunching;

/**
 * Everything the bunching estimator needs besides the scores. Use {@link #defaults(int)} and the
 * {@code with…} methods; the constructor rejects every combination the estimator cannot use, with a
 * message that names the offending values. The reasons for the defaults are in {@code
 * docs/bunching.md}.
 *
 * @param passMark the cutoff: a score at or above it passes
 * @param minScore the lowest possible score (inclusive)
 * @param maxScore the highest possible score (inclusive)
 * @param windowBelow how many scores below the pass mark may have been lifted: the missing mass is
 *     measured on {@code [passMark - windowBelow, passMark - 1]}
 * @param windowAbove how far above the pass mark lifted scores may land: the excess mass is
 *     measured on {@code [passMark, passMark + windowAbove]}
 * @param fitBandwidth the polynomial is fitted on {@code [passMark - fitBandwidth, passMark +
 *     fitBandwidth]}, clipped to the score range, minus the window
 * @param degree the degree of the counterfactual polynomial
 * @param bootstrapIterations how many bootstrap samples the standard errors are computed from
 * @param seed the seed of the {@link java.util.SplittableRandom} that draws the bootstrap samples
 * @param criticalZ the excess mass is significant when it is positive and more than this many
 *     standard errors from zero (one-sided), at least {@code minimumExcessShare} of all scores, and
 *     the missing mass below the cutoff is positive
 * @param minimumExcessShare the excess mass is significant only when it is also at least this share
 *     of all scores: with very many scores, a bias of the polynomial far too small to matter would
 *     otherwise be many standard errors from zero
 * @param minimumScores the smallest number of scores the estimator accepts
 */
public record BunchingParameters(
    int passMark,
    int minScore,
    int maxScore,
    int windowBelow,
    int windowAbove,
    int fitBandwidth,
    int degree,
    int bootstrapIterations,
    long seed,
    double criticalZ,
    double minimumExcessShare,
    int minimumScores) {

  /** Scores are percentages by default. */
  public static final int DEFAULT_MIN_SCORE = 0;

  /** Scores are percentages by default. */
  public static final int DEFAULT_MAX_SCORE = 100;

  /** The pass-mark crossing window of the brief's flag rules (section 5): 5 points. */
  public static final int DEFAULT_WINDOW_BELOW = 5;

  /** The pass-mark crossing window of the brief's flag rules (section 5): 5 points. */
  public static final int DEFAULT_WINDOW_ABOVE = 5;

  /** Fit 25 points either side of the pass mark: wide enough for 8 coefficients, see the docs. */
  public static final int DEFAULT_FIT_BANDWIDTH = 25;

  /** Chetty et al. (2011) use a seventh-degree polynomial; it also suits 0-100 score histograms. */
  public static final int DEFAULT_DEGREE = 7;

  /** Enough for a standard error to about 3% of its value. */
  public static final int DEFAULT_BOOTSTRAP_ITERATIONS = 500;

  /** Any fixed seed makes the result reproducible; this one is the year of Chetty et al. */
  public static final long DEFAULT_SEED = 2011L;

  /** One-sided test at about the 2.5% level. */
  public static final double DEFAULT_CRITICAL_Z = 1.96;

  /** Half a percent of all scores; the Regents showed about 6%, the Polish matura several %. */
  public static final double DEFAULT_MINIMUM_EXCESS_SHARE = 0.005;

  /** Below about a hundred scores the bins are too sparse for a polynomial fit to mean much. */
  public static final int DEFAULT_MINIMUM_SCORES = 100;

  /** The highest degree accepted: beyond it the polynomial basis is numerically unreliable. */
  public static final int MAX_DEGREE = 15;

  /** Rejects parameters the estimator cannot use; each message names the values involved. */
  public BunchingParameters {
    if (minScore >= maxScore) {
      throw new IllegalArgumentException(
          "score range is empty: minScore " + minScore + " must be below maxScore " + maxScore);
    }
    if (passMark <= minScore || passMark > maxScore) {
      throw new IllegalArgumentException(
          "pass mark "
              + passMark
              + " must lie in ("
              + minScore
              + ", "
              + maxScore
              + "]: there must be scores below it");
    }
    if (windowBelow < 1) {
      throw new IllegalArgumentException("windowBelow must be at least 1, was " + windowBelow);
    }
    if (windowAbove < 0) {
      throw new IllegalArgumentException("windowAbove must be at least 0, was " + windowAbove);
    }
    long windowLow = (long) passMark - windowBelow;
    long windowHigh = (long) passMark + windowAbove;
    if (windowLow < minScore || windowHigh > maxScore) {
      throw new IllegalArgumentException(
          "window ["
              + windowLow
              + ", "
              + windowHigh
              + "] around pass mark "
              + passMark
              + " reaches outside the score range ["
              + minScore
              + ", "
              + maxScore
              + "]");
    }
    if (degree < 0 || degree > MAX_DEGREE) {
      throw new IllegalArgumentException(
          "degree must be between 0 and " + MAX_DEGREE + ", was " + degree);
    }
    if (fitBandwidth < 1) {
      throw new IllegalArgumentException("fitBandwidth must be at least 1, was " + fitBandwidth);
    }
    long fitLow = Math.max(minScore, (long) passMark - fitBandwidth);
    long fitHigh = Math.min(maxScore, (long) passMark + fitBandwidth);
    String fitRange = "fit range [" + fitLow + ", " + fitHigh + "]";
    String window = "window [" + windowLow + ", " + windowHigh + "]";
    if (fitLow >= windowLow) {
      throw new IllegalArgumentException(
          fitRange
              + " leaves no score below the "
              + window
              + " to fit the polynomial on; widen fitBandwidth ("
              + fitBandwidth
              + ") or narrow the window");
    }
    if (fitHigh <= windowHigh) {
      throw new IllegalArgumentException(
          fitRange
              + " leaves no score above the "
              + window
              + " to fit the polynomial on; widen fitBandwidth ("
              + fitBandwidth
              + ") or narrow the window");
    }
    long fittedBins = (fitHigh - fitLow + 1) - (windowHigh - windowLow + 1);
    if (fittedBins < degree + 2L) {
      throw new IllegalArgumentException(
          "degree "
              + degree
              + " needs at least "
              + (degree + 2)
              + " scores outside the "
              + window
              + " to fit, but the "
              + fitRange
              + " has only "
              + fittedBins);
    }
    if (bootstrapIterations < 2) {
      throw new IllegalArgumentException(
          "bootstrapIterations must be at least 2 to estimate a standard error, was "
              + bootstrapIterations);
    }
    if (!(criticalZ > 0) || Double.isInfinite(criticalZ)) {
      throw new IllegalArgumentException(
          "criticalZ must be a positive finite number, was " + criticalZ);
    }
    if (!(minimumExcessShare >= 0 && minimumExcessShare < 1)) {
      throw new IllegalArgumentException(
          "minimumExcessShare must be in [0, 1), was " + minimumExcessShare);
    }
    if (minimumScores < 1) {
      throw new IllegalArgumentException("minimumScores must be at least 1, was " + minimumScores);
    }
  }

  /** The documented defaults for scores 0 to 100 and the given pass mark. */
  public static BunchingParameters defaults(int passMark) {
    return new BunchingParameters(
        passMark,
        DEFAULT_MIN_SCORE,
        DEFAULT_MAX_SCORE,
        DEFAULT_WINDOW_BELOW,
        DEFAULT_WINDOW_ABOVE,
        DEFAULT_FIT_BANDWIDTH,
        DEFAULT_DEGREE,
        DEFAULT_BOOTSTRAP_ITERATIONS,
        DEFAULT_SEED,
        DEFAULT_CRITICAL_Z,
        DEFAULT_MINIMUM_EXCESS_SHARE,
        DEFAULT_MINIMUM_SCORES);
  }

  /** The same parameters with another score range. */
  public BunchingParameters withScoreRange(int newMinScore, int newMaxScore) {
    return new BunchingParameters(
        passMark,
        newMinScore,
        newMaxScore,
        windowBelow,
        windowAbove,
        fitBandwidth,
        degree,
        bootstrapIterations,
        seed,
        criticalZ,
        minimumExcessShare,
        minimumScores);
  }

  /** The same parameters with another window around the pass mark. */
  public BunchingParameters withWindow(int newWindowBelow, int newWindowAbove) {
    return new BunchingParameters(
        passMark,
        minScore,
        maxScore,
        newWindowBelow,
        newWindowAbove,
        fitBandwidth,
        degree,
        bootstrapIterations,
        seed,
        criticalZ,
        minimumExcessShare,
        minimumScores);
  }

  /** The same parameters with another polynomial: its degree and the half-width it is fitted on. */
  public BunchingParameters withFit(int newDegree, int newFitBandwidth) {
    return new BunchingParameters(
        passMark,
        minScore,
        maxScore,
        windowBelow,
        windowAbove,
        newFitBandwidth,
        newDegree,
        bootstrapIterations,
        seed,
        criticalZ,
        minimumExcessShare,
        minimumScores);
  }

  /** The same parameters with another bootstrap: number of samples and seed. */
  public BunchingParameters withBootstrap(int newIterations, long newSeed) {
    return new BunchingParameters(
        passMark,
        minScore,
        maxScore,
        windowBelow,
        windowAbove,
        fitBandwidth,
        degree,
        newIterations,
        newSeed,
        criticalZ,
        minimumExcessShare,
        minimumScores);
  }

  /** The same parameters with another significance threshold. */
  public BunchingParameters withCriticalZ(double newCriticalZ) {
    return new BunchingParameters(
        passMark,
        minScore,
        maxScore,
        windowBelow,
        windowAbove,
        fitBandwidth,
        degree,
        bootstrapIterations,
        seed,
        newCriticalZ,
        minimumExcessShare,
        minimumScores);
  }

  /** The same parameters with another smallest excess mass (a share of all scores) to flag. */
  public BunchingParameters withMinimumExcessShare(double newMinimumExcessShare) {
    return new BunchingParameters(
        passMark,
        minScore,
        maxScore,
        windowBelow,
        windowAbove,
        fitBandwidth,
        degree,
        bootstrapIterations,
        seed,
        criticalZ,
        newMinimumExcessShare,
        minimumScores);
  }

  /** The same parameters with another minimum number of scores. */
  public BunchingParameters withMinimumScores(int newMinimumScores) {
    return new BunchingParameters(
        passMark,
        minScore,
        maxScore,
        windowBelow,
        windowAbove,
        fitBandwidth,
        degree,
        bootstrapIterations,
        seed,
        criticalZ,
        minimumExcessShare,
        newMinimumScores);
  }

  /** The lowest score of the window: {@code passMark - windowBelow}. */
  public int windowLow() {
    return passMark - windowBelow;
  }

  /** The highest score of the window: {@code passMark + windowAbove}. */
  public int windowHigh() {
    return passMark + windowAbove;
  }

  /** The lowest score the polynomial is fitted on. */
  public int fitLow() {
    return (int) Math.max(minScore, (long) passMark - fitBandwidth);
  }

  /** The highest score the polynomial is fitted on. */
  public int fitHigh() {
    return (int) Math.min(maxScore, (long) passMark + fitBandwidth);
  }

  /** Where a score lies relative to the window. */
  public BinRegion regionOf(int score) {
    if (score >= windowLow() && score < passMark) {
      return BinRegion.BELOW_CUTOFF;
    }
    if (score >= passMark && score <= windowHigh()) {
      return BinRegion.AT_OR_ABOVE_CUTOFF;
    }
    return BinRegion.FITTED;
  }
}
