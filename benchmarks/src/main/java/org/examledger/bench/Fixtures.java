package org.examledger.bench;

import java.security.SecureRandom;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;

/** Fixed inputs shared by the benchmarks. */
final class Fixtures {

  private Fixtures() {}

  /** A score statement of realistic size (about 400 bytes), not yet canonical. */
  static final String STATEMENT_JSON =
      """
      {"v":1,"type":"exam.score.record/v1","subject":"S-2026-0613-CNC-4",
       "payload":{"candidateId":"C-2026-0417","componentId":"practical-2","score":57.5,
                  "sessionId":"S-2026-0613-CNC-4","note":"转速设置正确，尺寸公差超差0.02mm"},
       "actor":"examiner-07","keyId":"7f1c0a9e4b3d2c1f00112233445566778899aabbccddeeff0011223344556677",
       "issuedAt":"2026-06-13T03:12:45.120Z","nonce":"b6c1f0e2a9d84c7e"}
      """;

  static final Bytes MESSAGE_1K = Bytes.of(deterministicBytes(1024, 7));
  static final Bytes MESSAGE_256 = Bytes.of(deterministicBytes(256, 11));

  static Signer ed25519() {
    return Signers.ed25519FromSeed(Bytes.of(deterministicBytes(32, 1)));
  }

  static Signer sm2() {
    return Signers.sm2(
        Bytes.fromHex("110E7973206F68C19EE5F7328C036F26911C8C73B4E4F36AE3291097F8984FFC"),
        Sm2UserId.DEFAULT,
        seededRandom(42));
  }

  /** Reproducible randomness for SM2's k: benchmark runs sign the same sequence. */
  static SecureRandom seededRandom(long seed) {
    try {
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every Java SE runtime", e);
    }
  }

  static byte[] deterministicBytes(int length, long seed) {
    byte[] out = new byte[length];
    new java.util.SplittableRandom(seed).nextBytes(out);
    return out;
  }
}
