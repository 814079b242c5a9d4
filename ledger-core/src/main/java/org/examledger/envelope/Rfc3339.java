package org.examledger.envelope;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The one text form of an instant in a statement: RFC 3339 section 5.6 "date-time" in UTC with "Z",
 * always with a fraction of 3, 6 or 9 digits, the fewest of those that hold the instant exactly. So
 * 09:30:00 is "09:30:00.000Z" and 1 microsecond past it "09:30:00.000001Z"; no other spelling of
 * the same instant is accepted, which keeps the signed bytes unique.
 */
final class Rfc3339 {

  private Rfc3339() {}

  static String format(Instant instant) {
    LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
    if (t.getYear() < 0 || t.getYear() > 9999) {
      throw new EnvelopeException(
          "statement member \"issuedAt\": expected a year 0000..9999 (RFC 3339 section 5.6),"
              + " found "
              + instant);
    }
    int nanos = t.getNano();
    // built by hand: String.format was a tenth of admitting a statement (docs/performance.md)
    StringBuilder b = new StringBuilder(30);
    pad(b, t.getYear(), 4).append('-');
    pad(b, t.getMonthValue(), 2).append('-');
    pad(b, t.getDayOfMonth(), 2).append('T');
    pad(b, t.getHour(), 2).append(':');
    pad(b, t.getMinute(), 2).append(':');
    pad(b, t.getSecond(), 2).append('.');
    if (nanos % 1_000_000 == 0) {
      pad(b, nanos / 1_000_000, 3);
    } else if (nanos % 1_000 == 0) {
      pad(b, nanos / 1_000, 6);
    } else {
      pad(b, nanos, 9);
    }
    return b.append('Z').toString();
  }

  /** {@code value} (not negative) in at least {@code digits} digits, zeros in front. */
  private static StringBuilder pad(StringBuilder b, int value, int digits) {
    String text = Integer.toString(value);
    for (int i = text.length(); i < digits; i++) {
      b.append('0');
    }
    return b.append(text);
  }

  static Instant parse(String text) {
    // "YYYY-MM-DDThh:mm:ss." is 20 characters and "Z" one; the fraction has 3, 6 or 9 digits.
    int fractionDigits = text.length() - 21;
    if (fractionDigits != 3 && fractionDigits != 6 && fractionDigits != 9 || !hasForm(text)) {
      throw new EnvelopeException(
          "statement member \"issuedAt\": expected RFC 3339 UTC date-time"
              + " YYYY-MM-DDThh:mm:ss.fffZ (3, 6 or 9 fraction digits), found \""
              + text
              + "\"");
    }
    Instant instant;
    try {
      int fraction = digits(text, 20, 20 + fractionDigits);
      for (int i = fractionDigits; i < 9; i++) {
        fraction *= 10;
      }
      instant =
          LocalDateTime.of(
                  digits(text, 0, 4),
                  digits(text, 5, 7),
                  digits(text, 8, 10),
                  digits(text, 11, 13),
                  digits(text, 14, 16),
                  digits(text, 17, 19),
                  fraction)
              .toInstant(ZoneOffset.UTC);
    } catch (DateTimeException e) {
      throw new EnvelopeException(
          "statement member \"issuedAt\": \""
              + text
              + "\" is not a valid date-time: "
              + e.getMessage(),
          e);
    }
    String canonical = format(instant);
    if (!canonical.equals(text)) {
      throw new EnvelopeException(
          "statement member \"issuedAt\": expected the shortest of 3, 6 or 9 fraction digits \""
              + canonical
              + "\", found \""
              + text
              + "\"");
    }
    return instant;
  }

  /**
   * Whether {@code text}, whose length is already right, is ASCII digits with '-' '-' 'T' ':' ':'
   * '.' at the places of YYYY-MM-DDThh:mm:ss.f..fZ and 'Z' last. RFC 3339 section 5.6: a four-digit
   * year; T and Z upper case (section 5.6 allows lower case, we do not, as one spelling per instant
   * is the point). Checked by hand: a regular expression was a hundredth of a verifier's CPU.
   */
  private static boolean hasForm(String text) {
    int last = text.length() - 1;
    for (int i = 0; i < last; i++) {
      char c = text.charAt(i);
      char separator =
          switch (i) {
            case 4, 7 -> '-';
            case 10 -> 'T';
            case 13, 16 -> ':';
            case 19 -> '.';
            default -> 0;
          };
      if (separator != 0 ? c != separator : c < '0' || c > '9') {
        return false;
      }
    }
    return text.charAt(last) == 'Z';
  }

  /** The decimal value of the ASCII digits from {@code from} to {@code to} (at most nine). */
  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }
}
