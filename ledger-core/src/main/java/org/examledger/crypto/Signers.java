package org.examledger.crypto;

import java.security.SecureRandom;
import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcEd25519;
import org.examledger.crypto.bc.BcKeyEncoding;
import org.examledger.crypto.bc.BcKeyEncoding.KeyType;
import org.examledger.crypto.bc.BcPkcs8Encryption;
import org.examledger.crypto.bc.BcSm2;
import org.examledger.crypto.bc.InvalidEncodingException;

/** Creates signers from key material and writes their private keys as PKCS#8. */
public final class Signers {

  static final String PKCS8_PEM_LABEL = "PRIVATE KEY";

  /** RFC 7468 section 11. */
  static final String ENCRYPTED_PKCS8_PEM_LABEL = "ENCRYPTED PRIVATE KEY";

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
    return fromPkcs8Der(Pem.decode(PKCS8_PEM_LABEL, pem), idIfSm2, random);
  }

  /**
   * Reads a password-encrypted PKCS#8 "ENCRYPTED PRIVATE KEY" PEM block (RFC 5958 section 3, RFC
   * 7468 section 11). Only PBES2 (RFC 8018) is accepted, as OpenSSL 3 writes by default.
   *
   * @throws KeyFormatException for malformed input, another scheme, or a wrong password
   */
  public static Signer fromEncryptedPkcs8Pem(
      String pem, char[] password, Sm2UserId idIfSm2, SecureRandom random) {
    Objects.requireNonNull(pem, "pem");
    Objects.requireNonNull(password, "password");
    Bytes encrypted = Pem.decode(ENCRYPTED_PKCS8_PEM_LABEL, pem);
    Bytes der;
    try {
      der = BcPkcs8Encryption.decrypt(encrypted, password);
    } catch (InvalidEncodingException e) {
      throw new KeyFormatException("private key: " + e.getMessage(), e);
    }
    return fromPkcs8Der(der, idIfSm2, random);
  }

  private static Signer fromPkcs8Der(Bytes der, Sm2UserId idIfSm2, SecureRandom random) {
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
    return Pem.encode(PKCS8_PEM_LABEL, pkcs8Der(signer));
  }

  /**
   * Writes the signer's private key as an "ENCRYPTED PRIVATE KEY" PEM block: PBES2 with
   * PBKDF2-HMAC-SHA256 (600,000 iterations) and AES-256-CBC; salt and IV from {@code random}.
   *
   * @throws KeyFormatException when the signer was not created by this class
   */
  public static String toEncryptedPkcs8Pem(Signer signer, char[] password, SecureRandom random) {
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(random, "random");
    return Pem.encode(
        ENCRYPTED_PKCS8_PEM_LABEL, BcPkcs8Encryption.encrypt(pkcs8Der(signer), password, random));
  }

  private static Bytes pkcs8Der(Signer signer) {
    Objects.requireNonNull(signer, "signer");
    if (signer instanceof Ed25519KeySigner ed) {
      return BcKeyEncoding.pkcs8(KeyType.ED25519, ed.seed());
    }
    if (signer instanceof Sm2KeySigner sm2) {
      return BcKeyEncoding.pkcs8(KeyType.SM2, sm2.privateScalar());
    }
    throw new KeyFormatException("cannot export the private key of " + signer.getClass().getName());
  }
}
