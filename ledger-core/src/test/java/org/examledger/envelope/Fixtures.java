package org.examledger.envelope;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifiers;

/** Fixed keys (RFC 8032 section 7.1 TEST 1-3 seeds, the GB/T 32918 vector's SM2 scalar). */
final class Fixtures {

  static final Bytes RFC8032_TEST1_SEED =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  static final Bytes RFC8032_TEST2_SEED =
      Bytes.fromHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
  static final Bytes RFC8032_TEST3_SEED =
      Bytes.fromHex("c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7");
  // d of the SM2 vector in vectors/crypto/sm3-sm2.txt, used here with the GM/T 0009 default ID.
  static final Bytes SM2_PRIVATE_SCALAR =
      Bytes.fromHex("110E7973206F68C19EE5F7328C036F26911C8C73B4E4F36AE3291097F8984FFC");

  static final Signer TEST1 = Signers.ed25519FromSeed(RFC8032_TEST1_SEED);
  static final Signer TEST2 = Signers.ed25519FromSeed(RFC8032_TEST2_SEED);
  static final Signer TEST3 = Signers.ed25519FromSeed(RFC8032_TEST3_SEED);

  static final String GOLDEN = "/envelope/golden/";

  private Fixtures() {}

  /** The statement of the golden files, signed by TEST 1. */
  static Statement goldenStatement() {
    return new Statement(
        "exam.score.recorded/v1",
        "sitting/2026-11-27/station-07",
        CanonicalJson.parse(
            "{\"candidate\":\"c-0042\",\"item\":\"practical-3\",\"maxScore\":100,"
                + "\"room\":\"B\u00e2timent C\",\"score\":87.5}"),
        "examiner:e-017",
        TEST1.publicKey().keyId(),
        Instant.parse("2026-11-27T09:30:00.123Z"),
        "4f1c2a9e7b3d5f60");
  }

  /** A deterministic SecureRandom: SHA1PRNG seeded before first use never self-seeds. */
  static SecureRandom fixedRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static Signer sm2Signer() {
    return Signers.sm2(SM2_PRIVATE_SCALAR, Sm2UserId.DEFAULT, fixedRandom(32918));
  }

  /** Trusts TEST 1, TEST 2 and the SM2 key; not TEST 3. */
  static KeyResolver trusted() {
    return KeyResolver.of(
        List.of(
            Verifiers.forKey(TEST1.publicKey(), null),
            Verifiers.forKey(TEST2.publicKey(), null),
            Verifiers.forKey(sm2Signer().publicKey(), Sm2UserId.DEFAULT)));
  }

  static PublicKey goldenSm2Key() {
    return PublicKey.fromPem(read(GOLDEN + "sm2-public-key.pem").utf8String());
  }

  static Bytes read(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
