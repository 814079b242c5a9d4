package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One file per rejection rule under checkpoint/error_*.txt, each a copy of the reproducible
 * checkpoint of c2sp-notes.txt broken in exactly one way; every file must be listed here.
 */
class NoteFormatErrorFilesTest {

  static final String NAME = SignedNoteTest.CHECKPOINT_KEY_NAME;

  static final Map<String, String> EXPECTED = new TreeMap<>();

  static {
    EXPECTED.put(
        "error_no_blank_line.txt",
        "note has no blank line separating the text from the signature lines");
    EXPECTED.put(
        "error_missing_final_newline.txt",
        "note does not end with a newline after the last signature");
    EXPECTED.put(
        "error_wrong_separator.txt",
        "signature line 1 must start with U+2014 EM DASH and a space, found \"-- sigsum.org/v1/tree/e796172b92befd62d9...\"");
    EXPECTED.put(
        "error_bad_base64.txt",
        "signature line 1 signature is not base64: \"gJ2ho0n8F8*lcerUF1FFdv235A/5as/coWrpLrtE7ovMeP5whgwouYExowG/lTznxu6OUGjjt5yJQ6bXtTcf718MqAQ=\"");
    EXPECTED.put(
        "error_unpadded_base64.txt",
        "signature line 1 signature is not canonical padded base64 (RFC 4648 section 4): \"gJ2ho0n8F8olcerUF1FFdv235A/5as/coWrpLrtE7ovMeP5whgwouYExowG/lTznxu6OUGjjt5yJQ6bXtTcf718MqAQ\"");
    EXPECTED.put(
        "error_signature_too_short.txt",
        "signature line 1: signature must be a 4-byte key ID and at least 1 signature byte, found 4 bytes");
    EXPECTED.put(
        "error_duplicate_signature.txt",
        "duplicate signature lines for key "
            + NAME
            + "+809da1a3 (one key signs a note at most once)");
    EXPECTED.put(
        "error_too_many_signatures.txt",
        "note has 101 signature lines, more than the limit of 100");
    EXPECTED.put("error_not_utf8.txt", "note is not valid UTF-8: Input length = 1");
    EXPECTED.put(
        "error_control_character.txt",
        "note contains control character U+000D at index 83 (only newline is allowed)");
    EXPECTED.put("error_empty_key_name.txt", "signature line 1: key name is empty");
    EXPECTED.put("error_key_name_with_plus.txt", "key name \"a+b\" contains '+'");
    EXPECTED.put("error_no_signatures.txt", "note has no signature lines after the blank line");
    EXPECTED.put(
        "error_extra_field.txt", "signature line 1 has more than two space-separated fields");
    EXPECTED.put(
        "error_checkpoint_too_few_lines.txt",
        "checkpoint must have at least 3 lines (origin, size, root hash), found 2");
    EXPECTED.put(
        "error_checkpoint_size_leading_zero.txt",
        "checkpoint size must be decimal without leading zeroes, found \"010\"");
    EXPECTED.put(
        "error_checkpoint_size_not_a_number.txt",
        "checkpoint size must be decimal without leading zeroes, found \"ten\"");
    EXPECTED.put(
        "error_checkpoint_size_too_large.txt",
        "checkpoint size 9223372036854775808 exceeds the largest supported size 9223372036854775807");
    EXPECTED.put(
        "error_checkpoint_root_hash_length.txt", "checkpoint root hash must be 32 bytes, found 31");
    EXPECTED.put("error_checkpoint_empty_origin.txt", "checkpoint origin line is empty");
    EXPECTED.put(
        "error_checkpoint_empty_extension_line.txt", "checkpoint extension line 1 is empty");
  }

  static Stream<Arguments> files() {
    return EXPECTED.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }

  /** Parses the note, then its text as a checkpoint, as a client reading a checkpoint does. */
  static Checkpoint read(String file) {
    SignedNote note = SignedNote.parse(C2spVectors.resource("checkpoint/" + file));
    return Checkpoint.parse(note.text());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void parse_errorFile_throwsNamedRule(String file, String message) {
    assertThatThrownBy(() -> read(file))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(message);
  }

  @Test
  void parse_validCheckpoint_accepts() {
    Checkpoint checkpoint =
        Checkpoint.parse(SignedNote.parse(SignedNoteTest.CHECKPOINT_NOTE).text());

    assertThat(checkpoint.size()).isEqualTo(10);
  }

  @Test
  void errorFiles_everyFileListed_noneUntested() throws URISyntaxException {
    File dir = new File(NoteFormatErrorFilesTest.class.getResource("/checkpoint").toURI());
    String[] names = dir.list((d, n) -> n.startsWith("error_"));

    assertThat(names).isNotNull();
    assertThat(Arrays.asList(names)).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
  }
}
