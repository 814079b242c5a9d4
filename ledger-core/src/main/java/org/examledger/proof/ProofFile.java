package org.examledger.proof;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.ProofVerifier;

/**
 * A C2SP transparency log proof (c2sp.org/tlog-proof, format {@code c2sp.org/tlog-proof@v1}) for
 * one entry: its index, its RFC 6962 inclusion proof and the signed checkpoint (a C2SP signed note
 * whose text is a tlog-checkpoint) whose root the proof leads to. The tree size of {@link #proof()}
 * is the checkpoint's size. {@link #toText()} and {@link #parse(String)} are exact inverses.
 *
 * @param extra the optional opaque extra data; not authenticated, so never trusted (tlog-proof
 *     "Format")
 */
public record ProofFile(
    long index, InclusionProof proof, String checkpointNote, Optional<Bytes> extra) {

  /** tlog-proof "Format": "The first line MUST be the string c2sp.org/tlog-proof@v1". */
  public static final String HEADER = "c2sp.org/tlog-proof@v1";

  /** tlog-proof "Format": the optional second line starts with "extra" and a space. */
  private static final String EXTRA_PREFIX = "extra ";

  /** tlog-proof "Format": "index" and a space, then the zero-based index. */
  private static final String INDEX_PREFIX = "index ";

  /** tlog-proof "Format": "an ASCII decimal with no leading zeroes (unless the index is 0)". */
  private static final Pattern DECIMAL = Pattern.compile("0|[1-9][0-9]*");

  public ProofFile {
    Objects.requireNonNull(proof, "proof");
    Objects.requireNonNull(checkpointNote, "checkpointNote");
    Objects.requireNonNull(extra, "extra");
    if (index < 0) {
      throw new ProofFileException("index must not be negative, found " + index);
    }
    if (index != proof.leafIndex()) {
      throw new ProofFileException(
          "index " + index + " differs from the proof's leaf index " + proof.leafIndex());
    }
    long size = checkpointOf(checkpointNote).size();
    if (size != proof.treeSize()) {
      throw new ProofFileException(
          "the proof is for tree size "
              + proof.treeSize()
              + " but the checkpoint has size "
              + size);
    }
  }

  /** A proof file without extra data. */
  public ProofFile(long index, InclusionProof proof, String checkpointNote) {
    this(index, proof, checkpointNote, Optional.empty());
  }

  /** The checkpoint's note text (origin, size, root), not yet verified. */
  public Checkpoint checkpoint() {
    return checkpointOf(checkpointNote);
  }

  /** The file's exact text; lines end in U+000A; the checkpoint note is appended verbatim. */
  public String toText() {
    StringBuilder sb = new StringBuilder(HEADER).append('\n');
    extra.ifPresent(e -> sb.append(EXTRA_PREFIX).append(e.base64()).append('\n'));
    sb.append(INDEX_PREFIX).append(index).append('\n');
    for (Hash h : proof.path()) {
      sb.append(h.base64()).append('\n');
    }
    return sb.append('\n').append(checkpointNote).toString();
  }

  /**
   * Parses a proof file exactly.
   *
   * @throws ProofFileException naming the line (1-based) and the rule broken
   */
  public static ProofFile parse(String text) {
    Objects.requireNonNull(text, "text");
    int[] position = {0};
    int lineNumber = 1;
    String header = nextLine(text, position, lineNumber, "the header line");
    if (!header.equals(HEADER)) {
      throw new ProofFileException(
          "line 1 must be \"" + HEADER + "\", found \"" + abbreviate(header) + "\"");
    }
    lineNumber++;
    String line = nextLine(text, position, lineNumber, "the index line");
    Optional<Bytes> extra = Optional.empty();
    if (line.startsWith(EXTRA_PREFIX)) {
      extra =
          Optional.of(
              decodeBase64(line.substring(EXTRA_PREFIX.length()), lineNumber, "extra data"));
      lineNumber++;
      line = nextLine(text, position, lineNumber, "the index line");
    }
    if (!line.startsWith(INDEX_PREFIX)) {
      throw new ProofFileException(
          "line "
              + lineNumber
              + " must be \"index <decimal>\", found \""
              + abbreviate(line)
              + "\"");
    }
    long index = parseIndex(line.substring(INDEX_PREFIX.length()), lineNumber);
    List<Hash> path = new ArrayList<>();
    while (true) {
      lineNumber++;
      line = nextLine(text, position, lineNumber, "the blank line before the checkpoint");
      if (line.isEmpty()) {
        break;
      }
      Bytes hash = decodeBase64(line, lineNumber, "proof hash");
      if (hash.length() != Hash.SIZE) {
        throw new ProofFileException(
            "line "
                + lineNumber
                + ": proof hash must be "
                + Hash.SIZE
                + " bytes (SHA-256), found "
                + hash.length());
      }
      path.add(Hash.of(hash));
    }
    String note = text.substring(position[0]);
    if (note.isEmpty()) {
      throw new ProofFileException("the checkpoint after line " + lineNumber + " is missing");
    }
    long size = checkpointOf(note).size();
    return new ProofFile(index, new InclusionProof(index, size, path), note, extra);
  }

  /**
   * Verifies the checkpoint's signatures against {@code policy}, then the inclusion of {@code
   * leafHash} at {@link #index()} in the checkpointed tree. Returns the verified checkpoint.
   *
   * @throws org.examledger.checkpoint.NoteVerificationException if the checkpoint does not meet the
   *     policy
   * @throws org.examledger.merkle.MerkleProofException if the inclusion proof does not lead to the
   *     checkpoint's root
   */
  public Checkpoint verify(Hash leafHash, WitnessPolicy policy) {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(policy, "policy");
    Checkpoint checkpoint = policy.verify(SignedNote.parse(checkpointNote));
    ProofVerifier.verifyInclusion(proof, leafHash, Hash.of(checkpoint.rootHash()));
    return checkpoint;
  }

  private static Checkpoint checkpointOf(String note) {
    try {
      return Checkpoint.parse(SignedNote.parse(note).text());
    } catch (NoteFormatException e) {
      throw new ProofFileException("the checkpoint is malformed: " + e.getMessage(), e);
    }
  }

  private static String nextLine(String text, int[] position, int lineNumber, String expected) {
    int end = text.indexOf('\n', position[0]);
    if (end < 0) {
      throw new ProofFileException(
          "line " + lineNumber + ": the file ends before " + expected + " (lines end in U+000A)");
    }
    String line = text.substring(position[0], end);
    // tlog-proof "Format": lines are separated by U+000A alone.
    if (line.indexOf('\r') >= 0) {
      throw new ProofFileException(
          "line " + lineNumber + " contains a carriage return; lines end in U+000A only");
    }
    position[0] = end + 1;
    return line;
  }

  private static long parseIndex(String digits, int lineNumber) {
    if (!DECIMAL.matcher(digits).matches()) {
      throw new ProofFileException(
          "line "
              + lineNumber
              + ": index must be an ASCII decimal without leading zeroes, found \""
              + abbreviate(digits)
              + "\"");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new ProofFileException(
          "line "
              + lineNumber
              + ": index "
              + abbreviate(digits)
              + " exceeds the largest supported index "
              + Long.MAX_VALUE);
    }
  }

  /** Standard base64 (RFC 4648 section 4) in its one canonical form, so that text round-trips. */
  private static Bytes decodeBase64(String value, int lineNumber, String what) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(value);
    } catch (IllegalArgumentException e) {
      throw new ProofFileException(
          "line " + lineNumber + ": " + what + " is not base64: \"" + abbreviate(value) + "\"");
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(value)) {
      throw new ProofFileException(
          "line "
              + lineNumber
              + ": "
              + what
              + " is not in canonical padded base64: \""
              + abbreviate(value)
              + "\"");
    }
    return Bytes.of(decoded);
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 60) + "...";
  }
}
