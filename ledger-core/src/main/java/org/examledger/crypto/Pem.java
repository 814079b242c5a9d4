package org.examledger.crypto;

import java.util.Base64;
import org.examledger.bytes.Bytes;

/**
 * Strict RFC 7468 PEM: exactly one block, the expected label, standard base64 (section 3 "strict"
 * form: lines of 64 characters, the last shorter), LF or CRLF line ends. Text outside the block is
 * rejected rather than ignored, so a file holds one key and nothing that could be mistaken for it.
 */
final class Pem {

  /** RFC 7468 section 2: 64 base64 characters per line when generating. */
  private static final int LINE = 64;

  private Pem() {}

  static String encode(String label, Bytes der) {
    String b64 = der.base64();
    StringBuilder sb = new StringBuilder("-----BEGIN ").append(label).append("-----\n");
    for (int i = 0; i < b64.length(); i += LINE) {
      sb.append(b64, i, Math.min(b64.length(), i + LINE)).append('\n');
    }
    return sb.append("-----END ").append(label).append("-----\n").toString();
  }

  static Bytes decode(String label, String pem) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    String text = pem.replace("\r\n", "\n").strip();
    if (!text.startsWith("-----BEGIN ")) {
      throw new KeyFormatException("malformed PEM: expected \"" + begin + "\" at the start");
    }
    int firstLineEnd = text.indexOf('\n');
    String firstLine = firstLineEnd < 0 ? text : text.substring(0, firstLineEnd);
    if (!firstLine.equals(begin)) {
      throw new KeyFormatException(
          "malformed PEM: expected \"" + begin + "\", found \"" + firstLine + "\"");
    }
    if (!text.endsWith(end) || firstLineEnd < 0) {
      throw new KeyFormatException("malformed PEM: expected \"" + end + "\" at the end");
    }
    String body = text.substring(firstLineEnd + 1, text.length() - end.length());
    if (body.contains("-----")) {
      throw new KeyFormatException("malformed PEM: more than one block");
    }
    String b64 = body.replace("\n", "");
    if (b64.isEmpty()) {
      throw new KeyFormatException("malformed PEM: empty body");
    }
    try {
      return Bytes.of(Base64.getDecoder().decode(b64));
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("malformed PEM: body is not base64: " + e.getMessage(), e);
    }
  }
}
