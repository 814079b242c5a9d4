package org.examledger.crypto;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcSm3;

/** Computes digests: SHA-256 from the JDK, SM3 from Bouncy Castle. */
public final class Digests {

  private Digests() {}

  public static Digest sha256(Bytes message) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      message.updateDigest(md);
      return new Digest(DigestAlgorithm.SHA_256, Bytes.of(md.digest()));
    } catch (NoSuchAlgorithmException e) {
      // Every Java SE platform must provide SHA-256 (MessageDigest javadoc).
      throw new IllegalStateException(e);
    }
  }

  public static Digest sm3(Bytes message) {
    return new Digest(DigestAlgorithm.SM3, BcSm3.digest(message));
  }

  public static Digest of(DigestAlgorithm algorithm, Bytes message) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(message, "message");
    return switch (algorithm) {
      case SHA_256 -> sha256(message);
      case SM3 -> sm3(message);
    };
  }
}
