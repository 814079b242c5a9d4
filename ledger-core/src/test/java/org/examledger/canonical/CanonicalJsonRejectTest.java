package org.examledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One file per rule a JSON text can break, under {@code canonical/reject/}, each named after the
 * rule; every file must be rejected with exactly the message below.
 */
class CanonicalJsonRejectTest {

  private static final String DIR = "/canonical/reject/";

  private static final String SURROGATES =
      "; I-JSON (RFC 7493 section 2.1) forbids unpaired surrogates";
  private static final String NO_NAN =
      " is not a JSON value: RFC 8259 section 6 allows no NaN or Infinity"
          + " (RFC 8785 section 3.2.2.3)";

  static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "duplicateKey",
              "duplicate member name \"a\" at offset 13 in the object at JSON Pointer \"\" (starting"
                  + " at offset 0): I-JSON (RFC 7493 section 2.3) requires unique names"),
          Map.entry(
              "duplicateKeyEscapedNested",
              "duplicate member name \"k\" at offset 18 in the object at JSON Pointer \"/x/1\""
                  + " (starting at offset 8): I-JSON (RFC 7493 section 2.3) requires unique names"),
          Map.entry(
              "loneSurrogateHighEscape",
              "lone surrogate U+D83D at offset 2: expected a low surrogate (U+DC00..U+DFFF) to"
                  + " follow, found end of string"
                  + SURROGATES),
          Map.entry(
              "loneSurrogateHighFollowedByOther",
              "lone surrogate U+D83D at offset 2: expected a low surrogate (U+DC00..U+DFFF) to"
                  + " follow, found U+0078 at offset 8"
                  + SURROGATES),
          Map.entry(
              "loneSurrogateLowEscape",
              "lone surrogate U+DE02 at offset 2: expected a high surrogate (U+D800..U+DBFF)"
                  + " before it, found none"
                  + SURROGATES),
          Map.entry(
              "numberOutOfRange",
              "number 1e400 at offset 1 is out of range: its magnitude exceeds the largest IEEE 754"
                  + " double (1.7976931348623157e+308); I-JSON (RFC 7493 section 2.2)"),
          Map.entry(
              "numberOutOfRangeNegative",
              "number -1e400 at offset 1 is out of range: its magnitude exceeds the largest IEEE"
                  + " 754 double (1.7976931348623157e+308); I-JSON (RFC 7493 section 2.2)"),
          Map.entry(
              "numberUnderflow",
              "number 1e-400 at offset 1 is out of range: it is not zero but would read as 0, being"
                  + " below half the smallest IEEE 754 double (5e-324); I-JSON (RFC 7493 section"
                  + " 2.2)"),
          Map.entry("nanLiteral", "NaN at offset 1" + NO_NAN),
          Map.entry("infinityLiteral", "-Infinity at offset 1" + NO_NAN),
          Map.entry(
              "trailingGarbage",
              "trailing content at offset 8: expected end of input after the JSON value, found 'x'"
                  + " (RFC 8259 section 2: a JSON text is one value)"),
          Map.entry(
              "trailingSecondValue",
              "trailing content at offset 7: expected end of input after the JSON value, found '{'"
                  + " (RFC 8259 section 2: a JSON text is one value)"),
          Map.entry(
              "leadingZero",
              "leading zero in number at offset 1: expected no digit after an initial 0 (RFC 8259"
                  + " section 6), found '1'"),
          Map.entry(
              "missingFractionDigits",
              "invalid JSON at offset 3: expected a digit after the decimal point of the number"
                  + " starting at offset 1, found ']'"),
          Map.entry("plusSign", "invalid JSON at offset 1: expected a JSON value, found '+'"),
          Map.entry(
              "unescapedControlCharacter",
              "unescaped control character in string at offset 3: expected U+0000..U+001F to be"
                  + " escaped (RFC 8259 section 7), found U+0009"),
          Map.entry(
              "invalidEscape",
              "invalid escape at offset 2: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t"
                  + " \\uXXXX (RFC 8259 section 7), found 'x'"),
          Map.entry(
              "invalidUnicodeEscape",
              "invalid \\u escape at offset 2: expected 4 hex digits, found 'G'"),
          Map.entry(
              "unterminatedString",
              "unexpected end of input at offset 5: expected '\"' closing the string"),
          Map.entry(
              "missingColon",
              "invalid JSON at offset 5: expected ':' after member name \"a\", found '1'"),
          Map.entry("trailingComma", "invalid JSON at offset 5: expected a JSON value, found ']'"),
          Map.entry(
              "singleQuotes",
              "invalid JSON at offset 1: expected '\"' starting a member name, found \"'\""),
          Map.entry(
              "comment", "invalid JSON at offset 7: expected ',' or '}' in object, found '/'"),
          Map.entry("invalidLiteral", "invalid literal at offset 1: expected 'true', found 'tru]'"),
          Map.entry("emptyInput", "unexpected end of input at offset 0: expected a JSON value"),
          Map.entry(
              "byteOrderMark",
              "byte order mark EF BB BF at byte 0: RFC 8259 section 8.1 forbids it in JSON text"),
          Map.entry(
              "encodedSurrogateUtf8",
              "not well-formed UTF-8 at byte 2: found eda0bd (RFC 8259 section 8.1 requires UTF-8; RFC"
                  + " 3629 forbids encoded surrogates and overlong forms)"),
          Map.entry(
              "overlongUtf8",
              "not well-formed UTF-8 at byte 2: found c0 (RFC 8259 section 8.1 requires UTF-8; RFC"
                  + " 3629 forbids encoded surrogates and overlong forms)"));

  static Iterable<String> rules() {
    return new TreeSet<>(EXPECTED.keySet());
  }

  @ParameterizedTest
  @MethodSource("rules")
  void parse_fileBreakingRule_throwsWithExactMessage(String rule) {
    Bytes input = TestResources.read(DIR + rule + ".json");

    assertThatThrownBy(() -> CanonicalJson.parse(input))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(EXPECTED.get(rule));
  }

  /** Guards against a file added without an expected message, or a message without a file. */
  @Test
  void rejectDirectory_everyFileHasExactlyOneExpectedMessage() throws URISyntaxException {
    File dir = new File(CanonicalJsonRejectTest.class.getResource(DIR).toURI());
    TreeSet<String> files =
        Arrays.stream(dir.list())
            .map(name -> name.replaceFirst("\\.json$", ""))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(files).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
  }

  @Test
  void parse_rawLoneHighSurrogateInString_throws() {
    assertThatThrownBy(() -> CanonicalJson.parse("{\"a\":\"x\ud800\"}"))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "lone surrogate U+D800 at offset 7: expected a low surrogate (U+DC00..U+DFFF) to"
                + " follow, found end of string"
                + SURROGATES);
  }

  @Test
  void parse_rawLoneLowSurrogateInName_throws() {
    assertThatThrownBy(() -> CanonicalJson.parse("{\"\udc00\":1}"))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "lone surrogate U+DC00 at offset 2: expected a high surrogate (U+D800..U+DBFF) before"
                + " it, found none"
                + SURROGATES);
  }

  @Test
  void parse_nestingDeeperThanLimit_throws() {
    String deep = "[".repeat(StrictJsonParser.MAX_DEPTH + 1) + "]".repeat(513);

    assertThatThrownBy(() -> CanonicalJson.parse(deep))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageStartingWith(
            "nesting too deep at offset 512: expected at most 512 levels of arrays and objects,"
                + " found more at JSON Pointer \"/0/0/0");
  }

  @Test
  void parse_nestingAtLimit_accepts() {
    String deep = "[".repeat(StrictJsonParser.MAX_DEPTH) + "]".repeat(StrictJsonParser.MAX_DEPTH);

    assertThat(CanonicalJson.canonicalize(deep).utf8String()).isEqualTo(deep);
  }

  @Test
  void parse_largestDoubleAndSmallestSubnormal_accepts() {
    assertThat(CanonicalJson.canonicalize("[1.7976931348623157e308,4.9e-324,-0.0]").utf8String())
        .isEqualTo("[1.7976931348623157e+308,5e-324,0]");
  }
}
