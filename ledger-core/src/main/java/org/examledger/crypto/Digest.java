package org.examledger.crypto;

import java.util.Objects;
import org.examledger.bytes.Bytes;

/** A digest value together with the algorithm that produced it. */
public record Digest(DigestAlgorithm algorithm, Bytes value) {

  /** Both supported algorithms produce 32 bytes. */
  static final int LENGTH = 32;

  public Digest {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(value, "value");
    if (value.length() != LENGTH) {
      throw new IllegalArgumentException(
          algorithm + " digest must be " + LENGTH + " bytes, found " + value.length());
    }
  }

  /** Lowercase hex of the digest value. */
  public String hex() {
    return value.hex();
  }

  @Override
  public String toString() {
    return algorithm + ":" + hex();
  }
}
