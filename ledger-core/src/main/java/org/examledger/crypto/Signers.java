package org.examledger.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcEd25519;
import org.examledger.crypto.bc.BcKeyEncoding;
import org.examledger.crypto.bc.BcKeyEncoding.KeyType;
import org.examledger.crypto.bc.BcSm2;
import org.examledger.crypto.bc.InvalidEncodingException;

/** Creates signers from key material and writes their private keys as PKCS#8. */
public final class Signers {

  static final String PKCS8_PEM_LABEL = "PRIVATE KEY";

  private Signers() {}

  /** An Ed25519 signer from the 32-byte RFC 8032 seed. */
  public static Signer ed25519FromSeed(Bytes seed32) {
    Objects.requireNonNull(seed32, "seed32");
    try {
      return new Ed25519KeySigner(seed32);
    } catch (InvalidEncodingException e) {
      throw new KeyFormatException("private key: " + e.getMessage(), e);
    }
  }

  /**
   * An SM2-with-SM3 signer.
   *
   * @param privateScalar32 d, 32 bytes big-endian, in [1, n-2]
   * @param userId the ID hashed into Z_A; verifiers must use the same one
   * @param random the source of the per-signature k
   */
  public static Signer sm2(Bytes privateScalar32, Sm2UserId userId, SecureRandom random) {
    Objects.requireNonNull(privateScalar32, "privateScalar32");
    Verifiers.requireSm2Id(userId);
    Objects.requireNonNull(random, "random");
    try {
      return new Sm2KeySigner(privateScalar32, userId, random);
    } catch (InvalidEncodingException e) {
      throw new KeyFormatException("private key: " + e.getMessage(), e);
    }
  }

  /** A fresh key pair drawn from {@code random}. */
  public static Signer generate(
      SignatureAlgorithm algorithm, SecureRandom random, Sm2UserId idIfSm2) {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(random, "random");
    return switch (algorithm) {
      case ED25519 -> ed25519FromSeed(BcEd25519.generateSeed(random));
      case SM2_SM3 -> sm2(BcSm2.generatePrivateScalar(random), idIfSm2, random);
    };
  }

  /**
   * Reads an unencrypted PKCS#8 "PRIVATE KEY" PEM block (RFC 5958, RFC 7468 section 10).
   *
   * @param idIfSm2 required when the key is SM2, ignored for Ed25519
   * @param random required when the key is SM2 (source of k), ignored for Ed25519
   * @throws KeyFormatException for malformed PEM or DER, or an unsupported key type
   */
  public static Signer fromPkcs8Pem(String pem, Sm2UserId idIfSm2, SecureRandom random) {
    Objects.requireNonNull(pem, "pem");
    Bytes der = Pem.decode(PKCS8_PEM_LABEL, pem);
    BcKeyEncoding.DecodedKey key;
    try {
      key = BcKeyEncoding.parsePkcs8(der);
    } catch (InvalidEncodingException e) {
      throw new KeyFormatException("private key: " + e.getMessage(), e);
    }
    if (key.type() == KeyType.ED25519) {
      return ed25519FromSeed(key.key());
    }
    return sm2(key.key(), idIfSm2, random);
  }

  /**
   * Writes the signer's private key as an unencrypted PKCS#8 PEM block. Protect the file: it is the
   * key.
   *
   * @throws KeyFormatException when the signer was not created by this class
   */
  public static String toPkcs8Pem(Signer signer) {
    Objects.requireNonNull(signer, "signer");
    Bytes der;
    if (signer instanceof Ed25519KeySigner ed) {
      der = BcKeyEncoding.pkcs8(KeyType.ED25519, ed.seed());
    } else if (signer instanceof Sm2KeySigner sm2) {
      der = BcKeyEncoding.pkcs8(KeyType.SM2, sm2.privateScalar());
    } else {
      throw new KeyFormatException(
          "cannot export the private key of " + signer.getClass().getName());
    }
    return Pem.encode(PKCS8_PEM_LABEL, der);
  }
}
