package org.examledger.projections.bunching;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The counterfactual computed the slow, literal way of Chetty et al. (2011): regress the count of
 * every bin of the fit range on a polynomial in the raw offset {@code score - passMark} plus one
 * dummy per window bin, by solving the normal equations in 100-digit decimal arithmetic, and
 * evaluate the polynomial part alone. No scaling, no QR, no Commons Math.
 */
final class NaiveBunchingReference {

  private static final MathContext MC = new MathContext(100);

  private NaiveBunchingReference() {}

  /** Counterfactual counts on the fit range, indexed by {@code score - fitLow}. */
  static double[] counterfactual(long[] fitCounts, BunchingParameters p) {
    int fitLow = p.fitLow();
    int bins = p.fitHigh() - fitLow + 1;
    int polynomialColumns = p.degree() + 1;
    int windowBins = p.windowHigh() - p.windowLow() + 1;
    int columns = polynomialColumns + windowBins;
    BigDecimal[][] x = new BigDecimal[bins][columns];
    for (int i = 0; i < bins; i++) {
      int score = fitLow + i;
      BigDecimal offset = BigDecimal.valueOf(score - p.passMark());
      for (int k = 0; k < polynomialColumns; k++) {
        x[i][k] = offset.pow(k);
      }
      for (int w = 0; w < windowBins; w++) {
        x[i][polynomialColumns + w] = score == p.windowLow() + w ? BigDecimal.ONE : BigDecimal.ZERO;
      }
    }
    // Normal equations X'X b = X'y.
    BigDecimal[][] a = new BigDecimal[columns][columns + 1];
    for (int r = 0; r < columns; r++) {
      for (int c = 0; c < columns; c++) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < bins; i++) {
          sum = sum.add(x[i][r].multiply(x[i][c]));
        }
        a[r][c] = sum;
      }
      BigDecimal sum = BigDecimal.ZERO;
      for (int i = 0; i < bins; i++) {
        sum = sum.add(x[i][r].multiply(BigDecimal.valueOf(fitCounts[i])));
      }
      a[r][columns] = sum;
    }
    BigDecimal[] b = gaussJordan(a, columns);
    double[] counterfactual = new double[bins];
    for (int i = 0; i < bins; i++) {
      BigDecimal value = BigDecimal.ZERO;
      for (int k = 0; k < polynomialColumns; k++) {
        value = value.add(b[k].multiply(x[i][k], MC), MC);
      }
      counterfactual[i] = value.doubleValue();
    }
    return counterfactual;
  }

  private static BigDecimal[] gaussJordan(BigDecimal[][] a, int n) {
    for (int col = 0; col < n; col++) {
      int pivot = col;
      for (int r = col + 1; r < n; r++) {
        if (a[r][col].abs().compareTo(a[pivot][col].abs()) > 0) {
          pivot = r;
        }
      }
      BigDecimal[] swap = a[col];
      a[col] = a[pivot];
      a[pivot] = swap;
      if (a[col][col].signum() == 0) {
        throw new IllegalStateException("singular normal equations at column " + col);
      }
      for (int r = 0; r < n; r++) {
        if (r == col || a[r][col].signum() == 0) {
          continue;
        }
        BigDecimal factor = a[r][col].divide(a[col][col], MC);
        for (int c = col; c <= n; c++) {
          a[r][c] = a[r][c].subtract(factor.multiply(a[col][c], MC), MC);
        }
      }
    }
    BigDecimal[] solution = new BigDecimal[n];
    for (int r = 0; r < n; r++) {
      solution[r] = a[r][n].divide(a[r][r], MC);
    }
    return solution;
  }
}
