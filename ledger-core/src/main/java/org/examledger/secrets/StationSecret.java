package org.examledger.secrets;

import org.examledger.bytes.Bytes;

/**
 * The station's key for hashing identity document numbers (HMAC-SHA-256, {@code
 * DocumentRef.keyed}). Its {@code toString} never shows the key, so that it cannot reach a log by
 * accident.
 *
 * @param key at least {@value #MIN_BYTES} bytes
 */
public record StationSecret(Bytes key) {

  /** 256 bits, the HMAC-SHA-256 output size (RFC 2104, section 3: less would weaken the MAC). */
  public static final int MIN_BYTES = 32;

  public StationSecret {
    if (key.length() < MIN_BYTES) {
      throw new IllegalArgumentException(
          "a station secret has at least " + MIN_BYTES + " bytes; got " + key.length());
    }
  }

  @Override
  public String toString() {
    return "StationSecret[" + key.length() + " bytes, not shown]";
  }
}
