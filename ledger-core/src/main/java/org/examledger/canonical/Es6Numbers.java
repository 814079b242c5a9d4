package org.examledger.canonical;

import java.math.BigInteger;

/**
 * Formats a double exactly as ECMAScript's {@code Number.prototype.toString()} does, which is what
 * RFC 8785 section 3.2.2.3 requires for JSON numbers.
 *
 * <p>Java 17's {@link Double#toString(double)} cannot be used: it sometimes emits more digits than
 * the shortest round-tripping decimal (JDK-4511638, fixed only in Java 19) and its layout differs
 * (e.g. "1.0E30" instead of "1e+30"). The digits here come from the free-format algorithm of Burger
 * and Dybvig ("Printing Floating-Point Numbers Quickly and Accurately", PLDI 1996) in exact integer
 * arithmetic: the fewest digits that read back as the same double, and among those the closest to
 * the exact value, ties going to the even digit (ECMA-262 6.1.6.1.20 Number::toString, step 5 and
 * its note). The layout rules are steps 6 to 10 of the same algorithm.
 */
public final class Es6Numbers {

  private static final double TWO_POW_53 = 9007199254740992.0;
  private static final int MANTISSA_BITS = 52; // IEEE 754 binary64: 52 stored fraction bits
  private static final long HIDDEN_BIT = 1L << MANTISSA_BITS;
  private static final int EXPONENT_BIAS_PLUS_MANTISSA = 1075; // 1023 bias + 52 fraction bits
  private static final int MIN_EXPONENT = -1074; // exponent of the subnormals and of 2^-1022

  // ECMA-262 Number::toString: plain notation for 10^-7 < |x| < 10^21, exponent notation outside.
  private static final int MAX_PLAIN_EXPONENT = 21;
  private static final int MIN_PLAIN_EXPONENT = -6;

  // 10^0 .. 10^350 covers every scale the algorithm needs (doubles span 5e-324 .. 1.8e308).
  private static final BigInteger[] POWERS_OF_TEN = new BigInteger[351];

  static {
    POWERS_OF_TEN[0] = BigInteger.ONE;
    for (int i = 1; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1].multiply(BigInteger.TEN);
    }
  }

  private Es6Numbers() {}

  /**
   * The RFC 8785 / ECMAScript text of {@code value}.
   *
   * @throws CanonicalJsonException for NaN and the infinities, which JSON cannot represent (RFC
   *     8785 section 3.2.2.3: "MUST cause an error")
   */
  public static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new CanonicalJsonException(
          "number "
              + value
              + " has no JSON representation: RFC 8785 section 3.2.2.3 requires an error for NaN"
              + " and Infinity");
    }
    if (value == 0) {
      return "0"; // Number::toString step 2: both +0 and -0 are "0"
    }
    if (value < 0) {
      return "-" + format(-value); // step 3
    }
    if (value <= TWO_POW_53 && value == Math.rint(value)) {
      // Step 6 for the common case: an integer below 2^53 is exact as a long, and its shortest
      // digits are its decimal digits (trailing zeros included, as step 6 pads them back). Saves
      // the big-integer work below, which made number-heavy documents slow to canonicalize.
      return Long.toString((long) value);
    }
    StringBuilder digits = new StringBuilder(17);
    int pointPosition = shortestDigits(value, digits);
    return layout(digits, pointPosition);
  }

  /**
   * Appends to {@code digits} the shortest digit string d1..dk such that 0.d1..dk x 10^n reads back
   * as {@code value}, and returns n (ECMA-262's "n": the position of the decimal point).
   */
  private static int shortestDigits(double value, StringBuilder digits) {
    long bits = Double.doubleToRawLongBits(value);
    int biasedExponent = (int) ((bits >>> MANTISSA_BITS) & 0x7ff);
    long fraction = bits & (HIDDEN_BIT - 1);
    long f = biasedExponent == 0 ? fraction : fraction | HIDDEN_BIT;
    int e = biasedExponent == 0 ? MIN_EXPONENT : biasedExponent - EXPONENT_BIAS_PLUS_MANTISSA;

    // Reading decimal text rounds half to even, so when f is even a decimal exactly halfway to a
    // neighbouring double still reads back as value: the interval boundaries are then included.
    boolean boundariesInclusive = (f & 1) == 0;
    // At a power of two (other than the smallest normal) the gap to the next lower double is half
    // the gap to the next higher one.
    boolean unequalGaps = fraction == 0 && biasedExponent > 1;

    // value = r / s, and the half-way points to the neighbouring doubles are (r - mMinus) / s and
    // (r + mPlus) / s: everything is scaled by 2 (or 4) so that all four are integers.
    BigInteger r;
    BigInteger s;
    BigInteger mPlus;
    BigInteger mMinus;
    BigInteger bigF = BigInteger.valueOf(f);
    if (e >= 0) {
      BigInteger be = BigInteger.ONE.shiftLeft(e);
      if (!unequalGaps) {
        r = bigF.shiftLeft(e + 1);
        s = BigInteger.TWO;
        mPlus = be;
        mMinus = be;
      } else {
        r = bigF.shiftLeft(e + 2);
        s = BigInteger.valueOf(4);
        mPlus = be.shiftLeft(1);
        mMinus = be;
      }
    } else {
      if (!unequalGaps) {
        r = bigF.shiftLeft(1);
        s = BigInteger.ONE.shiftLeft(1 - e);
        mPlus = BigInteger.ONE;
        mMinus = BigInteger.ONE;
      } else {
        r = bigF.shiftLeft(2);
        s = BigInteger.ONE.shiftLeft(2 - e);
        mPlus = BigInteger.TWO;
        mMinus = BigInteger.ONE;
      }
    }

    // Estimate n from log10(value) (Burger and Dybvig section 3): the estimate is never too high
    // and at most one too low, which the loop below corrects.
    int n = (int) Math.ceil(Math.log10(value) - 1e-10);
    if (n >= 0) {
      s = s.multiply(POWERS_OF_TEN[n]);
    } else {
      BigInteger scale = POWERS_OF_TEN[-n];
      r = r.multiply(scale);
      mPlus = mPlus.multiply(scale);
      mMinus = mMinus.multiply(scale);
    }
    while (reachesUpper(r.add(mPlus), s, boundariesInclusive)) {
      s = s.multiply(BigInteger.TEN);
      n++;
    }

    while (true) {
      r = r.multiply(BigInteger.TEN);
      mPlus = mPlus.multiply(BigInteger.TEN);
      mMinus = mMinus.multiply(BigInteger.TEN);
      BigInteger[] qr = r.divideAndRemainder(s);
      int digit = qr[0].intValue();
      r = qr[1];
      boolean lowOk = boundariesInclusive ? r.compareTo(mMinus) <= 0 : r.compareTo(mMinus) < 0;
      boolean highOk = reachesUpper(r.add(mPlus), s, boundariesInclusive);
      if (!lowOk && !highOk) {
        digits.append((char) ('0' + digit));
        continue;
      }
      if (lowOk && highOk) {
        // Both digit and digit + 1 read back as value: take the closer, the even one on a tie.
        int cmp = r.shiftLeft(1).compareTo(s);
        if (cmp > 0 || (cmp == 0 && (digit & 1) == 1)) {
          digit++;
        }
      } else if (highOk) {
        digit++;
      }
      digits.append((char) ('0' + digit));
      return n;
    }
  }

  private static boolean reachesUpper(BigInteger high, BigInteger s, boolean inclusive) {
    int cmp = high.compareTo(s);
    return inclusive ? cmp >= 0 : cmp > 0;
  }

  /** ECMA-262 Number::toString steps 6 to 10; k is the digit count, n the point position. */
  private static String layout(StringBuilder digits, int n) {
    int k = digits.length();
    if (k <= n && n <= MAX_PLAIN_EXPONENT) {
      return digits + "0".repeat(n - k); // step 6: an integer, padded with zeros
    }
    if (0 < n && n <= MAX_PLAIN_EXPONENT) {
      return digits.substring(0, n) + "." + digits.substring(n); // step 7
    }
    if (MIN_PLAIN_EXPONENT < n && n <= 0) {
      return "0." + "0".repeat(-n) + digits; // step 8
    }
    int exponent = n - 1; // steps 9 and 10: exponent notation, sign always written
    String exponentText = (exponent < 0 ? "e-" : "e+") + Math.abs(exponent);
    if (k == 1) {
      return digits + exponentText;
    }
    return digits.charAt(0) + "." + digits.substring(1) + exponentText;
  }
}
