package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The issuedAt reader: exactly the form of RFC 3339 section 5.6 this project allows, checked by
 * hand since 2026-11-29. The regular expression it replaced is the oracle of the property below.
 */
class Rfc3339Test {

  /** The reader's form before 2026-11-29, as a regular expression. */
  private static final Pattern FORM =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})"
              + "\\.([0-9]{3}|[0-9]{6}|[0-9]{9})Z");

  private static final String NOT_THE_FORM =
      "statement member \"issuedAt\": expected RFC 3339 UTC date-time";

  @Test
  void parse_eachFractionLength_readsTheInstant() {
    assertThat(Rfc3339.parse("2026-11-27T09:30:00.000Z"))
        .isEqualTo(Instant.parse("2026-11-27T09:30:00Z"));
    assertThat(Rfc3339.parse("2026-11-27T09:30:00.000001Z"))
        .isEqualTo(Instant.parse("2026-11-27T09:30:00.000001Z"));
    assertThat(Rfc3339.parse("0000-01-01T00:00:00.120000001Z"))
        .isEqualTo(Instant.parse("0000-01-01T00:00:00.120000001Z"));
    assertThat(Rfc3339.parse("9999-12-31T23:59:59.999Z"))
        .isEqualTo(Instant.parse("9999-12-31T23:59:59.999Z"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2026-11-27T09:30:00Z",
        "2026-11-27T09:30:00.0Z",
        "2026-11-27T09:30:00.0000Z",
        "2026-11-27t09:30:00.000Z",
        "2026-11-27T09:30:00.000z",
        "2026-11-27T09:30:00.000+00:00",
        "2026-11-27 09:30:00.000Z",
        "2026/11/27T09:30:00.000Z",
        "2026-11-27T09-30:00.000Z",
        "2026-11-27T09:30:00,000Z",
        "2026-11-2７T09:30:00.000Z",
        "+2026-11-27T09:30:00.00Z",
        "2026-11-27T09:30:00.000ZZ",
        "02026-1-27T09:30:00.000Z"
      })
  void parse_anotherForm_isRefusedNamingTheForm(String text) {
    assertThatThrownBy(() -> Rfc3339.parse(text))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageStartingWith(NOT_THE_FORM);
  }

  /**
   * Strings near the form (a valid one with one character replaced, inserted or removed): the
   * reader refuses the form exactly where the regular expression does not match.
   */
  @Property(seed = "3301", tries = 5000)
  void parse_nearTheForm_refusesTheFormExactlyWhereTheExpressionDoesNotMatch(
      @ForAll("nearTheForm") String text) {
    boolean matches = FORM.matcher(text).matches();
    String refusal;
    try {
      Rfc3339.parse(text);
      refusal = null;
    } catch (EnvelopeException e) {
      refusal = e.getMessage();
    }
    if (matches) {
      // read, or refused for what the form cannot say: no such date, or not the shortest fraction
      assertThat(refusal == null || !refusal.startsWith(NOT_THE_FORM))
          .as(text + ": " + refusal)
          .isTrue();
    } else {
      assertThat(refusal).as(text).startsWith(NOT_THE_FORM);
    }
  }

  @Provide
  Arbitrary<String> nearTheForm() {
    Arbitrary<String> valid =
        Arbitraries.of(
            "2026-11-27T09:30:00.000Z",
            "2026-11-27T09:30:00.000001Z",
            "2026-11-27T09:30:00.120000001Z",
            "1999-02-28T23:59:59.999Z");
    Arbitrary<Character> replacement =
        Arbitraries.of('0', '5', '9', '-', ':', '.', 'T', 't', 'Z', 'z', ' ', '+', '/', '٣', '７');
    return Combinators.combine(
            valid, Arbitraries.integers().between(0, 29), replacement, Arbitraries.of(0, 1, 2, 3))
        .as(
            (text, at, c, edit) -> {
              int i = Math.min(at, text.length() - 1);
              return switch (edit) {
                case 0 -> text;
                case 1 -> text.substring(0, i) + c + text.substring(i + 1);
                case 2 -> text.substring(0, i) + c + text.substring(i);
                default -> text.substring(0, i) + text.substring(i + 1);
              };
            });
  }
}
