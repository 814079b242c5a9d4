package org.examledger.crypto.bc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.Provider;
import java.security.SecureRandom;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfoBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEInputDecryptorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;
import org.examledger.bytes.Bytes;

/**
 * Password-encrypted PKCS#8 (RFC 5958 EncryptedPrivateKeyInfo) with PBES2 (RFC 8018 section 6.2):
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, the scheme OpenSSL 3 writes with {@code pkcs8 -topk8 -v2
 * aes-256-cbc}. The provider instance is used directly and never registered in the JVM.
 */
public final class BcPkcs8Encryption {

  /**
   * PBKDF2-HMAC-SHA256 iterations when writing: 600,000, the OWASP Password Storage Cheat Sheet
   * figure for PBKDF2-HMAC-SHA256 (2023).
   */
  public static final int ITERATIONS = 600_000;

  private static final Provider PROVIDER = new BouncyCastleProvider();

  private BcPkcs8Encryption() {}

  /** Encrypts a DER PrivateKeyInfo; salt and IV come from {@code random}. */
  public static Bytes encrypt(Bytes privateKeyInfoDer, char[] password, SecureRandom random) {
    try {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(privateKeyInfoDer.toByteArray());
      var encryptor =
          new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
              .setProvider(PROVIDER)
              .setRandom(random)
              .setPRF(
                  new AlgorithmIdentifier(
                      PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
              .setIterationCount(ITERATIONS)
              .build(password);
      return Bytes.of(
          new PKCS8EncryptedPrivateKeyInfoBuilder(info)
              .build(encryptor)
              .toASN1Structure()
              .getEncoded(ASN1Encoding.DER));
    } catch (OperatorCreationException | IOException e) {
      throw new IllegalStateException("PKCS#8 encryption failed: " + e.getMessage(), e);
    }
  }

  /**
   * The most PBKDF2 iterations a file may ask for when reading: 10,000,000, the limit Bouncy Castle
   * itself enforces (and about 17 times {@link #ITERATIONS}). The count comes from the file, so
   * without a limit a crafted file could make reading it take hours.
   */
  public static final int MAX_ITERATIONS = 10_000_000;

  /**
   * Decrypts an EncryptedPrivateKeyInfo and returns the DER PrivateKeyInfo.
   *
   * @throws InvalidEncodingException for malformed DER, a scheme other than PBES2, a PBKDF2
   *     iteration count above {@link #MAX_ITERATIONS}, or a wrong password
   */
  public static Bytes decrypt(Bytes encryptedDer, char[] password) {
    PKCS8EncryptedPrivateKeyInfo encrypted;
    try {
      encrypted = new PKCS8EncryptedPrivateKeyInfo(encryptedDer.toByteArray());
    } catch (IOException | RuntimeException e) {
      throw new InvalidEncodingException(
          "EncryptedPrivateKeyInfo: malformed DER: " + e.getMessage(), e);
    }
    var scheme = encrypted.getEncryptionAlgorithm().getAlgorithm();
    if (!PKCSObjectIdentifiers.id_PBES2.equals(scheme)) {
      // PBES1 and the PKCS#12 schemes use DES, RC2 or SHA-1 key derivation.
      throw new InvalidEncodingException(
          "EncryptedPrivateKeyInfo: unsupported encryption scheme "
              + scheme
              + " (only PBES2 "
              + PKCSObjectIdentifiers.id_PBES2
              + ")");
    }
    checkIterationCount(encrypted.getEncryptionAlgorithm());
    try {
      PrivateKeyInfo info =
          encrypted.decryptPrivateKeyInfo(
              new JcePKCSPBEInputDecryptorProviderBuilder().setProvider(PROVIDER).build(password));
      return Bytes.of(info.getEncoded(ASN1Encoding.DER));
    } catch (PKCSException | IOException | RuntimeException e) {
      throw new InvalidEncodingException(
          "EncryptedPrivateKeyInfo: cannot decrypt (wrong password or corrupted data)", e);
    }
  }

  /** Refuses, before any key derivation, a PBKDF2 iteration count above the limit. */
  private static void checkIterationCount(AlgorithmIdentifier scheme) {
    KeyDerivationFunc kdf;
    try {
      kdf = PBES2Parameters.getInstance(scheme.getParameters()).getKeyDerivationFunc();
    } catch (RuntimeException e) {
      throw new InvalidEncodingException(
          "EncryptedPrivateKeyInfo: malformed PBES2 parameters: " + e.getMessage(), e);
    }
    if (!PKCSObjectIdentifiers.id_PBKDF2.equals(kdf.getAlgorithm())) {
      return; // another key derivation function: Bouncy Castle refuses or bounds it
    }
    BigInteger count;
    try {
      count = PBKDF2Params.getInstance(kdf.getParameters()).getIterationCount();
    } catch (RuntimeException e) {
      throw new InvalidEncodingException(
          "EncryptedPrivateKeyInfo: malformed PBKDF2 parameters: " + e.getMessage(), e);
    }
    if (count.compareTo(BigInteger.valueOf(MAX_ITERATIONS)) > 0) {
      throw new InvalidEncodingException(
          "EncryptedPrivateKeyInfo: PBKDF2 iteration count "
              + count
              + " is above the limit of "
              + MAX_ITERATIONS);
    }
  }
}
