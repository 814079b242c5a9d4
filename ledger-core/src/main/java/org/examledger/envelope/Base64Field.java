package org.examledger.envelope;

import java.util.Base64;
import org.examledger.bytes.Bytes;

/**
 * Base64 as DSSE uses it. DSSE protocol.md: "Either standard or URL-safe base64 encodings are
 * allowed. Signers may use either, and verifiers MUST accept either." We write standard base64 with
 * padding (RFC 4648 section 4) and accept that or URL-safe with padding (section 5), but only in
 * canonical form (padding present, unused bits zero, no whitespace): any other text for the same
 * bytes is rejected, so an envelope has one spelling per alphabet.
 */
final class Base64Field {

  private Base64Field() {}

  static String encode(Bytes bytes) {
    return bytes.base64();
  }

  static Bytes decode(String field, String text) {
    boolean urlSafe = text.indexOf('-') >= 0 || text.indexOf('_') >= 0;
    byte[] bytes;
    try {
      bytes = (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(text);
    } catch (IllegalArgumentException e) {
      throw new EnvelopeException(
          "envelope member \""
              + field
              + "\": expected base64 (RFC 4648 section 4 or 5), found \""
              + abbreviate(text)
              + "\": "
              + e.getMessage(),
          e);
    }
    String canonical =
        (urlSafe ? Base64.getUrlEncoder() : Base64.getEncoder()).encodeToString(bytes);
    if (!canonical.equals(text)) {
      int at = 0;
      while (at < canonical.length()
          && at < text.length()
          && canonical.charAt(at) == text.charAt(at)) {
        at++;
      }
      throw new EnvelopeException(
          "envelope member \""
              + field
              + "\": expected canonical padded base64, which differs at character "
              + at
              + ": expected "
              + rest(canonical, at)
              + ", found "
              + rest(text, at));
    }
    return Bytes.of(bytes);
  }

  private static String rest(String s, int from) {
    return from >= s.length() ? "end of text" : "\"" + abbreviate(s.substring(from)) + "\"";
  }

  private static String abbreviate(String s) {
    return s.length() <= 48 ? s : s.substring(0, 48) + "...";
  }
}
