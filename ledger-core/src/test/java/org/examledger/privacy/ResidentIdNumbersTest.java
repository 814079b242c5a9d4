package org.examledger.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentIdNumbersTest {

  /** GB 11643-1999's own example, check character X. */
  private static final String STANDARD_EXAMPLE = "11010519491231002X";

  /** Check characters worked out by hand (ISO 7064 MOD 11-2) for these tests. */
  private static final String SHENZHEN_1990 = "440304199001011233";

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void checkCharacter_standardExample_isX() {
    assertThat(ResidentIdNumbers.checkCharacter("11010519491231002")).isEqualTo('X');
  }

  @Test
  void checkCharacter_handComputedCases_match() {
    assertThat(ResidentIdNumbers.checkCharacter("44030419900101123")).isEqualTo('3');
    assertThat(ResidentIdNumbers.checkCharacter("51010720000229123")).isEqualTo('2');
    assertThat(ResidentIdNumbers.checkCharacter("10000019900101000")).isEqualTo('3');
  }

  @Test
  void checkCharacter_notSeventeenDigits_throws() {
    assertThatThrownBy(() -> ResidentIdNumbers.checkCharacter("1101051949123100"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "a resident identity number has 17 digits before its check character; got 16"
                + " characters");
    assertThatThrownBy(() -> ResidentIdNumbers.checkCharacter("1101051949123100A"))
        .hasMessage(
            "a resident identity number has digits only before its check character; position 17"
                + " is not a digit");
  }

  @Test
  void isValid_rightCheckCharacterAndDate_isTrue() {
    assertThat(ResidentIdNumbers.isValid(STANDARD_EXAMPLE)).isTrue();
    assertThat(ResidentIdNumbers.isValid("11010519491231002x")).isTrue();
    assertThat(ResidentIdNumbers.isValid(SHENZHEN_1990)).isTrue();
    assertThat(ResidentIdNumbers.isValid("510107200002291232")).isTrue(); // 29 Feb 2000
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021", // wrong check character (X expected)
        "440304199001011234", // wrong check character (3 expected)
        "51010720010229123X", // right check character, but 2001 has no 29 February
        "010105194912310026", // region code cannot start with 0 (check character right)
        "110105189912310021", // born 1899
        "11010519491231002", // 17 characters
        "11010519491231002XX"
      })
  void isValid_wrongNumber_isFalse(String number) {
    assertThat(ResidentIdNumbers.isValid(number)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "11010519491231002X",
        "11010519491231002x",
        "ID 11010519491231002X, seat 14",
        "身份证号11010519491231002X，考生本人",
        "110105 19491231 002X",
        "110105-19491231-002X",
        "1101 0519 4912 3100 2X",
        "candidate (440304199001011233)",
        "440304199001011233"
      })
  void appearsIn_rawOrFormattedNumber_isTrue(String text) {
    assertThat(ResidentIdNumbers.appearsIn(text)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "110105194912310021", // wrong check character
        "event 100000000000000001 of the season", // an 18-digit counter: no real birth date
        "event 100000199001010004 of the season", // a counter with a date, wrong check digit
        "1440304199001011233", // 19 digits: the valid 18 inside a longer run
        "4403041990010112334",
        "a440304199001011233", // inside a hex-like token
        "440304199001011233f",
        "5d2f440304199001011233ab09e1c4f7d2a9b3e8c7f6a5d4c3b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5",
        "110105  19491231 002X", // two separators in a row
        "12345678-1234-1234-1234-123456789012", // a UUID of digits
        "2026-03-27T02:00:01.123456789Z",
        "C-2026-0001",
        ""
      })
  void appearsIn_noNumber_isFalse(String text) {
    assertThat(ResidentIdNumbers.appearsIn(text)).isFalse();
  }

  @Test
  void appearsIn_validNumberAfterAnInvalidOverlappingOne_isTrue() {
    // "1 1101..." first reads as a number starting at the lone 1; the real one follows the space
    assertThat(ResidentIdNumbers.appearsIn("1 11010519491231002X")).isTrue();
    assertThat(ResidentIdNumbers.appearsIn("110105194912310021 11010519491231002X")).isTrue();
  }

  @Test
  void appearsIn_counterThatHappensToBeWellFormed_isTrue() {
    // the documented false positive: right date and check digit make it indistinguishable
    assertThat(ResidentIdNumbers.appearsIn("event 100000199001010003")).isTrue();
  }

  @Test
  void findIn_numberDeepInAPayload_namesThePathOnly() throws Exception {
    ObjectNode payload =
        (ObjectNode)
            JSON.readTree(
                "{\"candidateId\":\"C-1\",\"documents\":[{\"type\":\"ID_CARD\",\"keyedHash\":"
                    + "\"0f3c\",\"suffix\":\"002X\"},{\"note\":\"presented 110105 19491231"
                    + " 002X\"}]}");
    assertThat(ResidentIdNumbers.findIn(payload, "payload")).contains("payload.documents[1].note");
  }

  @Test
  void findIn_numberAsJsonNumber_isFound() throws Exception {
    assertThat(ResidentIdNumbers.findIn(JSON.readTree("{\"n\":440304199001011233}"), "payload"))
        .contains("payload.n");
  }

  @Test
  void findIn_numberAsMemberName_namesTheParent() throws Exception {
    assertThat(
            ResidentIdNumbers.findIn(
                JSON.readTree("{\"a\":{\"11010519491231002X\":true}}"), "payload"))
        .contains("payload.a");
  }

  @Test
  void findIn_cleanPayload_isEmpty() throws Exception {
    assertThat(
            ResidentIdNumbers.findIn(
                JSON.readTree(
                    "{\"candidateId\":\"C-2026-0001\",\"total\":100000000000000001,"
                        + "\"documents\":[{\"suffix\":\"002X\"}]}"),
                "payload"))
        .isEmpty();
  }
}
