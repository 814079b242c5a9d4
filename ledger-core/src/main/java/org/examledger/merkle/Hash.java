package org.examledger.merkle;

import java.util.Objects;
import org.examledger.bytes.Bytes;

/**
 * A SHA-256 Merkle tree hash: a leaf hash, an interior node hash or a root. Always 32 bytes;
 * equality is constant time (see {@link Bytes#equals}).
 */
public record Hash(Bytes value) {

  /** RFC 6962 section 2.1 fixes SHA-256 as the hash algorithm of the log. */
  public static final int SIZE = 32;

  public Hash {
    Objects.requireNonNull(value, "value");
    if (value.length() != SIZE) {
      throw new IllegalArgumentException(
          "a Merkle hash must be " + SIZE + " bytes, found " + value.length());
    }
  }

  public static Hash of(Bytes value) {
    return new Hash(value);
  }

  public static Hash fromHex(String hex) {
    return new Hash(Bytes.fromHex(hex));
  }

  public static Hash fromBase64(String base64) {
    return new Hash(Bytes.fromBase64(base64));
  }

  public String hex() {
    return value.hex();
  }

  public String base64() {
    return value.base64();
  }

  @Override
  public String toString() {
    return hex();
  }
}
