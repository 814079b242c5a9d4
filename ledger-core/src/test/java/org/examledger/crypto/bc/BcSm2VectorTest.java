package org.examledger.crypto.bc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

/**
 * The SM2 vector with its fixed k. Bouncy Castle draws k through RandomDSAKCalculator, which reads
 * exactly 32 bytes from the SecureRandom for sm2p256v1 (BigIntegers.createRandomBigInteger with a
 * 256-bit order); a random source that returns k makes the signature reproducible without any test
 * hook in production code.
 */
class BcSm2VectorTest {

  static final class FixedK extends SecureRandom {
    private static final long serialVersionUID = 1L;
    private final byte[] k;
    private boolean used;

    FixedK(Bytes k) {
      this.k = k.toByteArray();
    }

    @Override
    public void nextBytes(byte[] bytes) {
      if (used || bytes.length != k.length) {
        throw new IllegalStateException("fixed k requested twice or with another length");
      }
      used = true;
      System.arraycopy(k, 0, bytes, 0, k.length);
    }
  }

  private static final Pattern FIELD =
      Pattern.compile("(user ID|message|d|k|r|s)(?: \\(priv\\))?\\s+(\\S.*)");

  static Map<String, String> vector() throws IOException {
    Map<String, String> fields = new HashMap<>();
    try (InputStream in =
        BcSm2VectorTest.class.getResourceAsStream("/vectors/crypto/sm3-sm2.txt")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.startsWith("#") || line.startsWith("SM3")) {
          continue;
        }
        Matcher m = FIELD.matcher(line);
        if (m.matches()) {
          String value = m.group(2);
          fields.put(m.group(1), value.startsWith("\"") ? value.split("\"")[1] : value.strip());
        }
      }
    }
    return fields;
  }

  @Test
  void sign_sm2VectorWithFixedK_producesExactRAndS() throws IOException {
    Map<String, String> v = vector();
    assertThat(v.get("user ID")).isEqualTo("sm2test@example.com");
    assertThat(v.get("message")).isEqualTo("hi chappy");

    Bytes der =
        BcSm2.sign(
            Bytes.fromHex(v.get("d")),
            Bytes.utf8(v.get("user ID")),
            Bytes.utf8(v.get("message")),
            new FixedK(Bytes.fromHex(v.get("k"))));
    BigInteger[] rs = BcSm2.decodeSignature(der);

    assertThat(rs[0]).isEqualTo(new BigInteger(v.get("r"), 16));
    assertThat(rs[1]).isEqualTo(new BigInteger(v.get("s"), 16));
    // GM/T 0009 section 7.3: SEQUENCE { INTEGER r, INTEGER s }; s has its top bit set, hence 00.
    assertThat(der.hex())
        .isEqualTo(
            "3045" + "0220" + v.get("r").toLowerCase() + "022100" + v.get("s").toLowerCase());
  }

  @Test
  void verify_sm2Vector_accepts() throws IOException {
    Map<String, String> v = vector();
    Bytes point = BcSm2.publicPointFromPrivate(Bytes.fromHex(v.get("d")));
    Bytes der = Bytes.fromHex("3045" + "0220" + v.get("r") + "022100" + v.get("s"));

    assertThat(BcSm2.verify(point, Bytes.utf8(v.get("user ID")), Bytes.utf8(v.get("message")), der))
        .isTrue();
    assertThat(
            BcSm2.verify(point, Bytes.utf8("1234567812345678"), Bytes.utf8(v.get("message")), der))
        .isFalse();
  }
}
