package org.examledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

class DigestsTest {

  private static final Pattern SM3_LINE =
      Pattern.compile("SM3\\(\"(\\w+)\"(?: repeated (\\d+) times)?\\)\\s+= ([0-9a-f]{64})");

  @Test
  void sm3_gbt32905Vectors_match() {
    int checked = 0;
    for (String line : Resources.text("vectors/crypto/sm3-sm2.txt").split("\n")) {
      Matcher m = SM3_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String input = m.group(1).repeat(m.group(2) == null ? 1 : Integer.parseInt(m.group(2)));

      Digest digest = Digests.sm3(Bytes.utf8(input));

      assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SM3);
      assertThat(digest.hex()).isEqualTo(m.group(3));
      assertThat(Digests.of(DigestAlgorithm.SM3, Bytes.utf8(input))).isEqualTo(digest);
      checked++;
    }
    assertThat(checked).isEqualTo(2);
  }

  @Test
  void sha256_fips180Abc_matches() {
    // FIPS 180-2 appendix B.1, "abc".
    Digest digest = Digests.of(DigestAlgorithm.SHA_256, Bytes.utf8("abc"));

    assertThat(digest.algorithm()).isEqualTo(DigestAlgorithm.SHA_256);
    assertThat(digest.hex())
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void digest_wrongLength_throws() {
    assertThatThrownBy(() -> new Digest(DigestAlgorithm.SM3, Bytes.fromHex("00")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SM3 digest must be 32 bytes, found 1");
  }
}
