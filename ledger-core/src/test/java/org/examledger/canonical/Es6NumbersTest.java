package org.examledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * RFC 8785 section 3.2.2.3 number formatting against the first 100,000 lines of the reference
 * corpus es6testfile100m.txt (see vectors/jcs/PROVENANCE.md).
 */
class Es6NumbersTest {

  private static final String CORPUS = "/vectors/jcs/es6-numbers-100k.txt.gz";

  // Published in the README of cyberphone/json-canonicalization (quoted in PROVENANCE.md).
  private static final String SHA256_FIRST_1000_LINES =
      "be18b62b6f69cdab33a7e0dae0d9cfa869fda80ddc712221570f9f40a5878687";
  private static final String SHA256_FIRST_10000_LINES =
      "b9f7a8e75ef22a835685a52ccba7f7d6bdc99e34b010992cbc5864cd12be6892";

  private static List<String> lines;

  @BeforeAll
  static void readCorpus() throws IOException {
    lines = new ArrayList<>(100_000);
    try (InputStream in = Es6NumbersTest.class.getResourceAsStream(CORPUS);
        BufferedReader reader =
            new BufferedReader(
                new InputStreamReader(new GZIPInputStream(in), StandardCharsets.US_ASCII))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        lines.add(line);
      }
    }
  }

  @Test
  void corpus_firstThousandLines_matchPublishedSha256() {
    assertThat(sha256OfFirstLines(1_000)).isEqualTo(SHA256_FIRST_1000_LINES);
  }

  @Test
  void corpus_firstTenThousandLines_matchPublishedSha256() {
    assertThat(sha256OfFirstLines(10_000)).isEqualTo(SHA256_FIRST_10000_LINES);
  }

  @Test
  void format_everyCorpusLine_matchesExpectedText() {
    assertThat(lines).hasSize(100_000);
    List<String> failures = new ArrayList<>();
    for (String line : lines) {
      int comma = line.indexOf(',');
      String hex = line.substring(0, comma);
      String expected = line.substring(comma + 1);
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(hex, 16));
      String actual = Es6Numbers.format(value);
      if (!actual.equals(expected)) {
        failures.add(line + " formatted as " + actual);
      }
    }
    assertThat(failures).isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
    // value given as IEEE 754 bits, expected ES6 text: the layout boundaries of Number::toString
    "0000000000000000, 0",
    "8000000000000000, 0",
    "3ff0000000000000, 1",
    "bff0000000000000, -1",
    "444b1ae4d6e2ef50, 1e+21", // 10^21: first exponent form
    "4415af1d78b58c40, 100000000000000000000", // 10^20: still plain
    "3eb0c6f7a0b5ed8d, 0.000001", // 10^-6: still plain
    "3e7ad7f29abcaf48, 1e-7", // 10^-7: first negative exponent
    "7fefffffffffffff, 1.7976931348623157e+308", // largest double
    "0000000000000001, 5e-324", // smallest subnormal; Java 17 Double.toString: 4.9E-324
    "0010000000000000, 2.2250738585072014e-308", // smallest normal
    "44b52d02c7e14af6, 1e+23", // 10^23 is not a double: shortest reads back as this one
    "4340000000000000, 9007199254740992", // 2^53
    "3fb999999999999a, 0.1",
    "3fd5555555555555, 0.3333333333333333",
    "44c52d02c7e14af6, 2e+23", // Java 17 Double.toString: 1.9999999999999998E23 (JDK-4511638)
  })
  void format_layoutBoundaries_matchEcmaScript(String bits, String expected) {
    double value = Double.longBitsToDouble(Long.parseUnsignedLong(bits, 16));

    assertThat(Es6Numbers.format(value)).isEqualTo(expected);
  }

  @Test
  void format_nan_throws() {
    assertThatThrownBy(() -> Es6Numbers.format(Double.NaN))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "number NaN has no JSON representation: RFC 8785 section 3.2.2.3 requires an error"
                + " for NaN and Infinity");
  }

  @Test
  void format_negativeInfinity_throws() {
    assertThatThrownBy(() -> Es6Numbers.format(Double.NEGATIVE_INFINITY))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageStartingWith("number -Infinity has no JSON representation");
  }

  private static String sha256OfFirstLines(int count) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      for (String line : lines.subList(0, count)) {
        sha256.update((line + "\n").getBytes(StandardCharsets.US_ASCII));
      }
      return HexFormat.of().formatHex(sha256.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
