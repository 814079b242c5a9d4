package org.examledger.envelope;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one text form of an instant in a statement: RFC 3339 section 5.6 "date-time" in UTC with "Z",
 * always with a fraction of 3, 6 or 9 digits, the fewest of those that hold the instant exactly. So
 * 09:30:00 is "09:30:00.000Z" and 1 microsecond past it "09:30:00.000001Z"; no other spelling of
 * the same instant is accepted, which keeps the signed bytes unique.
 */
final class Rfc3339 {

  // RFC 3339 section 5.6: four-digit year; T and Z upper case (section 5.6 allows lower case, we
  // do not, as one spelling per instant is the point).
  private static final Pattern FORM =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
              + "\\.([0-9]{3}|[0-9]{6}|[0-9]{9})Z");

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
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new EnvelopeException(
          "statement member \"issuedAt\": expected RFC 3339 UTC date-time"
              + " YYYY-MM-DDThh:mm:ss.fffZ (3, 6 or 9 fraction digits), found \""
              + text
              + "\"");
    }
    Instant instant;
    try {
      String fraction = (m.group(7) + "00000000").substring(0, 9);
      instant =
          LocalDateTime.of(
                  Integer.parseInt(m.group(1)),
                  Integer.parseInt(m.group(2)),
                  Integer.parseInt(m.group(3)),
                  Integer.parseInt(m.group(4)),
                  Integer.parseInt(m.group(5)),
                  Integer.parseInt(m.group(6)),
                  Integer.parseInt(fraction))
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
}
