package org.examledger.projections.bunching;

import java.util.SplittableRandom;

/** Seeded synthetic score distributions, with and without planted inflation at a pass mark. */
final class SyntheticScores {

  private SyntheticScores() {}

  /** Scores after inflation, and how many were lifted. */
  record Inflated(int[] scores, int lifted, int eligible) {

    /** The share of the eligible (just-failing) scores that were actually lifted. */
    double realizedShare() {
      return lifted / (double) eligible;
    }
  }

  /** A normal distribution rounded to integers; values beyond the range pile up at its ends. */
  static int[] discretizedNormal(long seed, int n, double mean, double sd, int min, int max) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] scores = new int[n];
    for (int i = 0; i < n; i++) {
      long score = Math.round(mean + sd * random.nextGaussian());
      scores[i] = (int) Math.max(min, Math.min(max, score));
    }
    return scores;
  }

  /**
   * Lifts each score in {@code [from, to]} with the given probability to a score drawn uniformly
   * from {@code [landLow, landHigh]}; other scores are kept.
   */
  static Inflated lift(
      int[] scores, long seed, int from, int to, double probability, int landLow, int landHigh) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] out = scores.clone();
    int lifted = 0;
    int eligible = 0;
    for (int i = 0; i < out.length; i++) {
      if (out[i] >= from && out[i] <= to) {
        eligible++;
        if (random.nextDouble() < probability) {
          out[i] = random.nextInt(landLow, landHigh + 1);
          lifted++;
        }
      }
    }
    return new Inflated(out, lifted, eligible);
  }

  static long count(int[] scores, int score) {
    long count = 0;
    for (int s : scores) {
      if (s == score) {
        count++;
      }
    }
    return count;
  }
}
