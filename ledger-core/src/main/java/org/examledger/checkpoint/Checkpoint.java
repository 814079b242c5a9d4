package org.examledger.checkpoint;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;

/**
 * The note text of a C2SP transparency-log checkpoint (c2sp.org/tlog-checkpoint@v1.0.0 "Note
 * text"): origin, tree size, root hash, then optional extension lines, each ending in a newline.
 */
public record Checkpoint(String origin, long size, Bytes rootHash, List<String> extensionLines) {

  /** RFC 6962 section 2.1: the root is a SHA-256 output. */
  public static final int ROOT_HASH_LENGTH = 32;

  /** tlog-checkpoint "Note text" 2: ASCII decimal, no leading zeroes unless the size is 0. */
  private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]*");

  public Checkpoint {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(rootHash, "rootHash");
    extensionLines = List.copyOf(extensionLines);
    // tlog-checkpoint "Note text" 1: the origin MUST be non-empty.
    if (origin.isEmpty()) {
      throw new NoteFormatException("checkpoint origin line is empty");
    }
    checkLine("checkpoint origin", origin);
    if (size < 0) {
      throw new NoteFormatException("checkpoint size must not be negative, found " + size);
    }
    if (rootHash.length() != ROOT_HASH_LENGTH) {
      throw new NoteFormatException(
          "checkpoint root hash must be "
              + ROOT_HASH_LENGTH
              + " bytes, found "
              + rootHash.length());
    }
    for (int i = 0; i < extensionLines.size(); i++) {
      // tlog-checkpoint "Note text" 4: extension lines, if any, MUST be non-empty.
      if (extensionLines.get(i).isEmpty()) {
        throw new NoteFormatException("checkpoint extension line " + (i + 1) + " is empty");
      }
      checkLine("checkpoint extension line " + (i + 1), extensionLines.get(i));
    }
  }

  /** The note text, each line ending in a newline. */
  public String toNoteText() {
    StringBuilder sb =
        new StringBuilder(origin)
            .append('\n')
            .append(size)
            .append('\n')
            .append(rootHash.base64())
            .append('\n');
    for (String line : extensionLines) {
      sb.append(line).append('\n');
    }
    return sb.toString();
  }

  /**
   * Parses checkpoint note text (the text of a signed note, without its signatures).
   *
   * @throws NoteFormatException naming the line and the rule broken
   */
  public static Checkpoint parse(String noteText) {
    Objects.requireNonNull(noteText, "noteText");
    if (!noteText.endsWith("\n")) {
      throw new NoteFormatException("checkpoint text must end with a newline");
    }
    String[] lines = noteText.substring(0, noteText.length() - 1).split("\n", -1);
    // tlog-checkpoint "Note text": "a sequence of at least three non-empty lines".
    if (lines.length < 3) {
      throw new NoteFormatException(
          "checkpoint must have at least 3 lines (origin, size, root hash), found " + lines.length);
    }
    if (!SIZE.matcher(lines[1]).matches()) {
      throw new NoteFormatException(
          "checkpoint size must be decimal without leading zeroes, found \"" + lines[1] + "\"");
    }
    long size;
    try {
      size = Long.parseLong(lines[1]);
    } catch (NumberFormatException e) {
      throw new NoteFormatException(
          "checkpoint size " + lines[1] + " exceeds the largest supported size " + Long.MAX_VALUE);
    }
    Bytes root = NoteText.decodeBase64("checkpoint root hash", lines[2]);
    return new Checkpoint(lines[0], size, root, List.of(lines).subList(3, lines.length));
  }

  private static void checkLine(String what, String line) {
    if (line.indexOf('\n') >= 0) {
      throw new NoteFormatException(what + " contains a newline");
    }
    NoteText.checkCharacters(what, line);
  }

  @Override
  public String toString() {
    return "Checkpoint[" + origin + ", size " + size + ", root " + rootHash.hex() + "]";
  }
}
