package org.examledger.crypto;

import java.util.Objects;

/**
 * Stable identifier of a public key: lowercase hex of SHA-256 over the DER SubjectPublicKeyInfo
 * (RFC 5280 section 4.1.2.7), as Sigstore and DSSE tooling compute key ids. It names a key; it is
 * not a trust decision.
 */
public record KeyId(String value) {

  public KeyId {
    Objects.requireNonNull(value, "value");
    if (!isLowerHex64(value)) {
      throw new IllegalArgumentException(
          "key id must be 64 lowercase hex characters, found \"" + value + "\"");
    }
  }

  /** [0-9a-f]{64}, without a regular expression: every signature check names a key. */
  private static boolean isLowerHex64(String value) {
    if (value.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = value.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return value;
  }
}
