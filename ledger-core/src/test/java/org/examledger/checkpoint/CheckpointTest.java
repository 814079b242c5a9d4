package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

class CheckpointTest {

  static final Bytes ROOT = Bytes.fromHex("0a".repeat(32));

  @Test
  void parse_reproducibleCheckpoint_readsFields() {
    String text = SignedNote.parse(SignedNoteTest.CHECKPOINT_NOTE).text();

    Checkpoint checkpoint = Checkpoint.parse(text);

    assertThat(checkpoint.origin()).isEqualTo(SignedNoteTest.CHECKPOINT_KEY_NAME);
    assertThat(checkpoint.size()).isEqualTo(10);
    assertThat(checkpoint.rootHash().base64())
        .isEqualTo("HA5HAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=");
    assertThat(checkpoint.extensionLines()).isEmpty();
    assertThat(checkpoint.toNoteText()).isEqualTo(text);
  }

  @Test
  void toNoteText_withExtensionLines_roundTrips() {
    Checkpoint checkpoint =
        new Checkpoint("exam.example/ledger", 0, ROOT, List.of("station 7", "batch 2026-11"));

    String text = checkpoint.toNoteText();

    assertThat(text)
        .isEqualTo("exam.example/ledger\n0\n" + ROOT.base64() + "\nstation 7\nbatch 2026-11\n");
    assertThat(Checkpoint.parse(text)).isEqualTo(checkpoint);
  }

  @Test
  void parse_missingFinalNewline_throws() {
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\n" + ROOT.base64()))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("checkpoint text must end with a newline");
  }

  @Test
  void parse_rootHashNotBase64_throws() {
    assertThatThrownBy(() -> Checkpoint.parse("o\n1\nnot-base64\n"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("checkpoint root hash is not base64: \"not-base64\"");
  }

  @Test
  void parse_negativeSize_throws() {
    assertThatThrownBy(() -> Checkpoint.parse("o\n-1\n" + ROOT.base64() + "\n"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("checkpoint size must be decimal without leading zeroes, found \"-1\"");
  }

  @Test
  void new_originWithNewline_throws() {
    assertThatThrownBy(() -> new Checkpoint("a\nb", 1, ROOT, List.of()))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("checkpoint origin contains a newline");
  }
}
