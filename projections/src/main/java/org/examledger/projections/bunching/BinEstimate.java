package org.examledger.projections.bunching;

/**
 * One integer score of the fit range: how many scores were observed there and how many the
 * polynomial counterfactual expects.
 *
 * @param score the score
 * @param actual the observed number of scores equal to {@code score}
 * @param counterfactual the fitted polynomial's value at {@code score} (may be negative where the
 *     polynomial dips below zero; it is reported as fitted, not clipped)
 * @param region whether the bin was fitted or lies in the window below or above the cutoff
 */
public record BinEstimate(int score, long actual, double counterfactual, BinRegion region) {

  /** Observed minus expected. */
  public double difference() {
    return actual - counterfactual;
  }
}
