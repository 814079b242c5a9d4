package org.examledger.projections.bunching;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * The least-squares polynomial through the bin counts outside the window, evaluated on every bin of
 * the fit range.
 *
 * <p>Chetty et al. (2011) regress the counts of all bins on a polynomial plus one dummy per window
 * bin. Each dummy fits its own bin exactly, so the polynomial's coefficients are those of the
 * polynomial fitted to the bins outside the window alone; that is what this class computes. The
 * score enters as {@code (score - passMark) / fitBandwidth}, which lies in [-1, 1], so the powers
 * up to the seventh stay of comparable size and the QR decomposition (Commons Math) is well
 * conditioned. The design depends only on the parameters, so it is decomposed once and reused for
 * every bootstrap sample.
 */
final class PolynomialCounterfactual {

  private final int fitLow;
  private final int[] fittedScores;
  private final RealMatrix allBinsDesign;
  private final DecompositionSolver solver;

  PolynomialCounterfactual(BunchingParameters parameters) {
    this.fitLow = parameters.fitLow();
    int fitHigh = parameters.fitHigh();
    int bins = fitHigh - fitLow + 1;
    int fitted = bins - (parameters.windowHigh() - parameters.windowLow() + 1);
    this.fittedScores = new int[fitted];
    double[][] all = new double[bins][];
    double[][] outside = new double[fitted][];
    int row = 0;
    for (int score = fitLow; score <= fitHigh; score++) {
      double[] powers = powers(score, parameters);
      all[score - fitLow] = powers;
      if (parameters.regionOf(score) == BinRegion.FITTED) {
        fittedScores[row] = score;
        outside[row] = powers;
        row++;
      }
    }
    this.allBinsDesign = new Array2DRowRealMatrix(all, false);
    this.solver = new QRDecomposition(new Array2DRowRealMatrix(outside, false)).getSolver();
  }

  private static double[] powers(int score, BunchingParameters parameters) {
    double t = (score - parameters.passMark()) / (double) parameters.fitBandwidth();
    double[] powers = new double[parameters.degree() + 1];
    double power = 1.0;
    for (int k = 0; k < powers.length; k++) {
      powers[k] = power;
      power *= t;
    }
    return powers;
  }

  /**
   * The fitted counts on every bin of the fit range.
   *
   * @param counts counts indexed by {@code score - fitLow}, covering the fit range
   * @return the polynomial's values, indexed the same way
   */
  double[] fit(long[] counts) {
    double[] y = new double[fittedScores.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = counts[fittedScores[i] - fitLow];
    }
    RealVector coefficients = solver.solve(new ArrayRealVector(y, false));
    return allBinsDesign.operate(coefficients).toArray();
  }
}
