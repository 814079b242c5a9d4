package org.examledger.projections.bunching;

import java.util.List;

/**
 * What the bunching estimator found: point estimates from the observed scores, standard errors from
 * the bootstrap, and the verdict. Masses are numbers of scores; see {@code docs/bunching.md}.
 *
 * @param parameters the parameters the estimate was made with (seed included)
 * @param scores how many scores were analysed (n)
 * @param bins every score of the fit range, observed and counterfactual, in ascending order
 * @param excessMass observed minus counterfactual, summed over {@code [passMark, passMark +
 *     windowAbove]}
 * @param excessMassSe bootstrap standard error of {@code excessMass}
 * @param missingMass counterfactual minus observed, summed over {@code [passMark - windowBelow,
 *     passMark - 1]}
 * @param missingMassSe bootstrap standard error of {@code missingMass}
 * @param shareLifted {@code missingMass} divided by the counterfactual count below the cutoff: the
 *     share of just-failing scores that were lifted; {@code NaN} if that count is not positive
 * @param shareLiftedSe bootstrap standard error of {@code shareLifted}, over the samples where it
 *     is defined; {@code NaN} if fewer than two are
 * @param imbalance {@code excessMass - missingMass}: the integration constraint says it should be
 *     near zero when lifted scores come from the window below the cutoff
 * @param imbalanceSe bootstrap standard error of {@code imbalance}
 * @param zStatistic {@code excessMass / excessMassSe}
 * @param significant {@code excessMass > 0}, {@code zStatistic > criticalZ}, {@code excessMass >=
 *     minimumExcessShare * scores} and {@code missingMass > 0}: an excess that is statistically
 *     significant, large enough to matter, and matched by scores missing below the cutoff
 */
public record BunchingResult(
    BunchingParameters parameters,
    long scores,
    List<BinEstimate> bins,
    double excessMass,
    double excessMassSe,
    double missingMass,
    double missingMassSe,
    double shareLifted,
    double shareLiftedSe,
    double imbalance,
    double imbalanceSe,
    double zStatistic,
    boolean significant) {

  /** Copies the bins so that the result cannot change. */
  public BunchingResult {
    bins = List.copyOf(bins);
  }

  /** The excess mass as a share of all scores (Dee et al. report about 6% on the Regents). */
  public double excessShareOfScores() {
    return excessMass / scores;
  }

  /**
   * Whether the integration constraint holds within the error: {@code |imbalance| <= criticalZ *
   * imbalanceSe}. When it does not, the lifted scores came from further below than the window, or
   * the polynomial does not describe the distribution.
   */
  public boolean massBalanced() {
    return Math.abs(imbalance) <= parameters.criticalZ() * imbalanceSe;
  }

  /**
   * The bin of one score of the fit range.
   *
   * @throws IllegalArgumentException if the score is outside the fit range
   */
  public BinEstimate bin(int score) {
    int index = score - parameters.fitLow();
    if (index < 0 || index >= bins.size()) {
      throw new IllegalArgumentException(
          "score "
              + score
              + " is outside the fit range ["
              + parameters.fitLow()
              + ", "
              + parameters.fitHigh()
              + "]");
    }
    return bins.get(index);
  }
}
