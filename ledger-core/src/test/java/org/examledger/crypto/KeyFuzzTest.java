package org.examledger.crypto;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.pkcs.EncryptedPrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.examledger.bytes.Bytes;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;
import org.examledger.fuzz.Samples;

/**
 * Fuzzes the key readers (docs/fuzzing.md): PEM, SubjectPublicKeyInfo, PKCS#8 and encrypted PKCS#8.
 * Anything that is not a supported key is refused with {@link KeyFormatException}; a key that is
 * read writes back to the same bytes.
 */
class KeyFuzzTest {

  private static final List<Class<? extends Throwable>> REFUSAL = List.of(KeyFormatException.class);
  private static final char[] PASSWORD = "correct-horse".toCharArray();

  static final List<byte[]> PUBLIC_PEMS =
      List.of(
          Samples.file("/crypto/golden/ed25519-public.pem"),
          Samples.file("/crypto/golden/sm2-public.pem"),
          Samples.file("/crypto/pem/unsupported_ed448_public.pem"),
          Samples.file("/crypto/pem/unsupported_p256_public.pem"));

  static final List<byte[]> PRIVATE_PEMS =
      List.of(
          Samples.file("/crypto/golden/ed25519-private.pem"),
          Samples.file("/crypto/golden/sm2-private.pem"));

  /** 2048 PBKDF2 iterations (OpenSSL's default), cheap enough to decrypt many times. */
  static final byte[] ENCRYPTED_PEM = Samples.file("/crypto/golden/sm2-private-encrypted.pem");

  @Property(seed = "5280001", tries = 1500)
  void publicKeyFromPem_mutatedSample_returnsOrRefuses(@ForAll("mutatedPublicPems") String pem) {
    Fuzz.check("PublicKey.fromPem", pem, () -> PublicKey.fromPem(pem), REFUSAL);
  }

  @Property(seed = "5280002", tries = 3000)
  void publicKeyFromSpki_mutatedDer_returnsOrRefuses(@ForAll("mutatedSpki") byte[] der) {
    Fuzz.check("PublicKey.fromSpki", der, () -> spkiRoundTrip(der), REFUSAL);
  }

  @Property(seed = "5208001", tries = 1500)
  void signerFromPkcs8_mutatedDer_returnsOrRefuses(@ForAll("mutatedPkcs8") byte[] der) {
    String pem = pem("PRIVATE KEY", der);
    Fuzz.check(
        "Signers.fromPkcs8Pem",
        der,
        () -> Signers.fromPkcs8Pem(pem, Sm2UserId.DEFAULT, new SecureRandom()),
        REFUSAL);
  }

  @Property(seed = "5208002", tries = 500)
  void signerFromPkcs8Pem_mutatedText_returnsOrRefuses(@ForAll("mutatedPrivatePems") String pem) {
    Fuzz.check(
        "Signers.fromPkcs8Pem",
        pem,
        () -> Signers.fromPkcs8Pem(pem, Sm2UserId.DEFAULT, new SecureRandom()),
        REFUSAL);
  }

  @Property(seed = "5958001", tries = 300)
  void signerFromEncryptedPkcs8_mutatedDer_returnsOrRefuses(
      @ForAll("mutatedEncrypted") byte[] der) {
    String pem = pem("ENCRYPTED PRIVATE KEY", der);
    Fuzz.check(
        "Signers.fromEncryptedPkcs8Pem",
        der,
        () -> Signers.fromEncryptedPkcs8Pem(pem, PASSWORD, Sm2UserId.DEFAULT, new SecureRandom()),
        REFUSAL);
  }

  @Property(seed = "5280003", tries = 500)
  void publicKeyFromSpki_randomBytes_returnsOrRefuses(@ForAll("randomBytes") byte[] der) {
    Fuzz.check("PublicKey.fromSpki", der, () -> PublicKey.fromSpki(Bytes.of(der)), REFUSAL);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void pemReaders_hostileInput_returnOrRefuse(@ForAll("hostile") String input) {
    Fuzz.check("PublicKey.fromPem", input, () -> PublicKey.fromPem(input), REFUSAL);
    Fuzz.check(
        "Signers.fromPkcs8Pem",
        input,
        () -> Signers.fromPkcs8Pem(input, Sm2UserId.DEFAULT, new SecureRandom()),
        REFUSAL);
  }

  /**
   * The PBKDF2 iteration count comes from the file: a key file that asks for 2^31 - 1 iterations
   * must be refused, not worked on for hours.
   */
  @Property(generation = GenerationMode.EXHAUSTIVE)
  void signerFromEncryptedPkcs8_hostileIterationCount_returnsOrRefuses(
      @ForAll("iterationCounts") int iterations) {
    byte[] der = withIterations(iterations);
    String pem = pem("ENCRYPTED PRIVATE KEY", der);
    Fuzz.check(
        "Signers.fromEncryptedPkcs8Pem",
        der,
        () -> Signers.fromEncryptedPkcs8Pem(pem, PASSWORD, Sm2UserId.DEFAULT, new SecureRandom()),
        REFUSAL);
  }

  /** The SM2 golden file's EncryptedPrivateKeyInfo with another PBKDF2 iteration count. */
  static byte[] withIterations(int iterations) {
    try {
      EncryptedPrivateKeyInfo info =
          EncryptedPrivateKeyInfo.getInstance(
              ders(List.of(ENCRYPTED_PEM), "ENCRYPTED PRIVATE KEY").get(0));
      PBES2Parameters pbes2 =
          PBES2Parameters.getInstance(info.getEncryptionAlgorithm().getParameters());
      PBKDF2Params kdf = PBKDF2Params.getInstance(pbes2.getKeyDerivationFunc().getParameters());
      PBKDF2Params changed = new PBKDF2Params(kdf.getSalt(), iterations, kdf.getPrf());
      PBES2Parameters params =
          new PBES2Parameters(
              new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, changed),
              pbes2.getEncryptionScheme());
      return new EncryptedPrivateKeyInfo(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, params),
              info.getEncryptedData())
          .getEncoded(ASN1Encoding.DER);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Jazzer targets: replay their seed corpus in the suite, fuzz with JAZZER_FUZZ=1. */
  @FuzzTest(maxDuration = "10m")
  void spki_jazzer(byte[] der) {
    Fuzz.check("PublicKey.fromSpki", der, () -> spkiRoundTrip(der), REFUSAL);
  }

  @FuzzTest(maxDuration = "10m")
  void pkcs8_jazzer(byte[] der) {
    String pem = pem("PRIVATE KEY", der);
    Fuzz.check(
        "Signers.fromPkcs8Pem",
        der,
        () -> Signers.fromPkcs8Pem(pem, Sm2UserId.DEFAULT, new SecureRandom()),
        REFUSAL);
  }

  @Provide
  Arbitrary<Integer> iterationCounts() {
    return Arbitraries.of(1, 2048, 10_000_001, Integer.MAX_VALUE);
  }

  private static Object spkiRoundTrip(byte[] der) {
    PublicKey key = PublicKey.fromSpki(Bytes.of(der));
    if (!key.spki().equals(Bytes.of(der)) || !PublicKey.fromPem(key.toPem()).equals(key)) {
      throw new AssertionError("key " + key + " does not write back to the bytes it was read from");
    }
    return key;
  }

  private static String pem(String label, byte[] der) {
    return Pem.encode(label, Bytes.of(der));
  }

  private static List<byte[]> ders(List<byte[]> pems, String label) {
    List<byte[]> out = new ArrayList<>();
    for (byte[] pem : pems) {
      out.add(Pem.decode(label, new String(pem, StandardCharsets.US_ASCII)).toByteArray());
    }
    return out;
  }

  @Provide
  Arbitrary<String> mutatedPublicPems() {
    return Mutations.textOf(PUBLIC_PEMS);
  }

  @Provide
  Arbitrary<String> mutatedPrivatePems() {
    return Mutations.textOf(PRIVATE_PEMS);
  }

  @Provide
  Arbitrary<byte[]> mutatedSpki() {
    return Mutations.of(ders(PUBLIC_PEMS, "PUBLIC KEY"));
  }

  @Provide
  Arbitrary<byte[]> mutatedPkcs8() {
    return Mutations.of(ders(PRIVATE_PEMS, "PRIVATE KEY"));
  }

  @Provide
  Arbitrary<byte[]> mutatedEncrypted() {
    return Mutations.of(ders(List.of(ENCRYPTED_PEM), "ENCRYPTED PRIVATE KEY"));
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Mutations.randomBytes();
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(Mutations.hostileTexts());
  }
}
