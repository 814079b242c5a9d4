package org.examledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The RFC 8785 reference vectors of cyberphone/json-canonicalization, imported unchanged. */
class CanonicalJsonVectorsTest {

  private static final String DIR = "/vectors/jcs/";

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalize_referenceInput_matchesOutputFileByteForByte(String name) {
    Bytes input = TestResources.read(DIR + "input/" + name + ".json");
    Bytes expected = TestResources.read(DIR + "output/" + name + ".json");

    assertThat(CanonicalJson.canonicalize(input.utf8String()).hex()).isEqualTo(expected.hex());
    assertThat(CanonicalJson.canonicalize(CanonicalJson.parse(input))).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void canonicalize_referenceInput_matchesOutHexFile(String name) {
    Bytes input = TestResources.read(DIR + "input/" + name + ".json");
    String outhex = TestResources.read(DIR + "outhex/" + name + ".txt").utf8String();
    Bytes expected = Bytes.fromHex(outhex.replaceAll("\\s+", ""));

    assertThat(CanonicalJson.canonicalize(input.utf8String()).hex()).isEqualTo(expected.hex());
  }

  @ParameterizedTest
  @ValueSource(strings = {"arrays", "french", "structures", "unicode", "values", "weird"})
  void parseCanonical_referenceOutput_acceptsAndReproducesIt(String name) {
    Bytes expected = TestResources.read(DIR + "output/" + name + ".json");

    assertThat(CanonicalJson.canonicalize(CanonicalJson.parseCanonical(expected)))
        .isEqualTo(expected);
  }
}
