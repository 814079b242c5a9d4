package org.examledger.crypto;

import java.util.Objects;

/** The one place that picks the verification algorithm from the key. */
public final class Verifiers {

  private Verifiers() {}

  /**
   * Returns a verifier for the key's algorithm.
   *
   * @param idIfSm2 the SM2 user ID the signer used; required for SM2 keys, ignored for Ed25519
   * @throws IllegalArgumentException when the key is SM2 and no user ID is given
   */
  public static Verifier forKey(PublicKey key, Sm2UserId idIfSm2) {
    Objects.requireNonNull(key, "key");
    return switch (key.algorithm()) {
      case ED25519 -> new Ed25519KeyVerifier(key);
      case SM2_SM3 -> new Sm2KeyVerifier(key, requireSm2Id(idIfSm2));
    };
  }

  static Sm2UserId requireSm2Id(Sm2UserId id) {
    if (id == null) {
      throw new IllegalArgumentException(
          "SM2 needs an explicit user ID (use Sm2UserId.DEFAULT for the GM/T 0009 default)");
    }
    return id;
  }
}
