package org.examledger.crypto;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Stable identifier of a public key: lowercase hex of SHA-256 over the DER SubjectPublicKeyInfo
 * (RFC 5280 section 4.1.2.7), as Sigstore and DSSE tooling compute key ids. It names a key; it is
 * not a trust decision.
 */
public record KeyId(String value) {

  private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

  public KeyId {
    Objects.requireNonNull(value, "value");
    if (!HEX64.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "key id must be 64 lowercase hex characters, found \"" + value + "\"");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
