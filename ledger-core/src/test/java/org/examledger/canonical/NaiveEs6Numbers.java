package org.examledger.canonical;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * A slow, obviously-correct reference for {@link Es6Numbers}, straight from the words of ECMA-262
 * Number::toString: try 1, 2, ... 17 significant digits; at each length the only candidates are the
 * decimals just below and just above the exact value; keep those that read back as the same double,
 * and of those the closer one (the even one on a tie).
 */
final class NaiveEs6Numbers {

  private NaiveEs6Numbers() {}

  static String format(double value) {
    if (value == 0) {
      return "0";
    }
    if (value < 0) {
      return "-" + format(-value);
    }
    BigDecimal exact = new BigDecimal(value);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean downOk = Double.parseDouble(down.toString()) == value;
      boolean upOk = Double.parseDouble(up.toString()) == value;
      if (!downOk && !upOk) {
        continue;
      }
      BigDecimal chosen;
      if (downOk && upOk) {
        int cmp = exact.subtract(down).compareTo(up.subtract(exact));
        if (cmp == 0) {
          chosen = down.unscaledValue().testBit(0) ? up : down;
        } else {
          chosen = cmp < 0 ? down : up;
        }
      } else {
        chosen = downOk ? down : up;
      }
      return layout(chosen.stripTrailingZeros());
    }
    throw new AssertionError("no decimal of 17 digits or fewer reads back as " + value);
  }

  private static String layout(BigDecimal d) {
    String digits = d.unscaledValue().toString();
    int k = digits.length();
    int n = k - d.scale(); // d = 0.digits x 10^n
    if (k <= n && n <= 21) {
      return digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits;
    }
    String exponent = (n - 1 < 0 ? "e-" : "e+") + Math.abs(n - 1);
    return k == 1 ? digits + exponent : digits.charAt(0) + "." + digits.substring(1) + exponent;
  }
}
