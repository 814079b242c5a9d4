package org.examledger.exam;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.examledger.bytes.Bytes;

/**
 * An identity document as the ledger keeps it: never the number, only a keyed hash (HMAC with the
 * station's secret, computed before the statement is signed, so the immutable log never holds the
 * number) and a short visible suffix so that staff can tell documents apart.
 *
 * @param keyedHash lowercase hex HMAC-SHA-256 of the normalised document number (64 characters)
 * @param suffix the last characters of the number, at most {@value #MAX_SUFFIX}
 */
public record DocumentRef(DocumentType type, String keyedHash, String suffix) {

  public static final int MAX_SUFFIX = 4;
  static final Pattern KEYED_HASH = Pattern.compile("[0-9a-f]{64}");

  /**
   * Hashes a document number with the station secret. The number is normalised first (spaces and
   * hyphens removed, upper case) so that "11010519491231002x" and "110105 19491231 002X" match.
   */
  public static DocumentRef keyed(DocumentType type, String number, Bytes stationSecret) {
    String normalised = number.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (normalised.isEmpty()) {
      throw new IllegalArgumentException("a document number must not be empty");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(stationSecret.toByteArray(), "HmacSHA256"));
      String hash =
          HexFormat.of().formatHex(mac.doFinal(normalised.getBytes(StandardCharsets.UTF_8)));
      String suffix = normalised.substring(Math.max(0, normalised.length() - MAX_SUFFIX));
      return new DocumentRef(type, hash, suffix);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java SE runtime", e);
    }
  }
}
