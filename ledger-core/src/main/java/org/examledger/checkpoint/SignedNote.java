package org.examledger.checkpoint;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.examledger.bytes.Bytes;

/**
 * A C2SP signed note (c2sp.org/signed-note@v1.0.0): text ending in a newline, a blank line, then
 * one or more signature lines. {@link #toString()} gives the exact bytes to publish.
 */
public record SignedNote(String text, List<NoteSignature> signatures) {

  /**
   * signed-note "Format": verifiers "SHOULD apply a maximum limit to the number of signatures ...
   * but MUST accept at least up to 16". 100 is the limit of golang.org/x/mod/sumdb/note (Open), the
   * reference implementation.
   */
  public static final int MAX_SIGNATURES = 100;

  public SignedNote {
    Objects.requireNonNull(text, "text");
    checkText(text);
    signatures = List.copyOf(signatures);
    if (signatures.isEmpty()) {
      throw new NoteFormatException("note has no signature lines");
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new NoteFormatException(
          "note has "
              + signatures.size()
              + " signature lines, more than the limit of "
              + MAX_SIGNATURES);
    }
    Set<String> seen = new HashSet<>();
    for (NoteSignature s : signatures) {
      if (!seen.add(s.toString())) {
        throw new NoteFormatException(
            "duplicate signature lines for key " + s + " (one key signs a note at most once)");
      }
    }
  }

  /** Signs the text with each signer, in order. */
  public static SignedNote sign(String text, NoteSigner... signers) {
    List<NoteSignature> sigs = new ArrayList<>();
    for (NoteSigner signer : signers) {
      sigs.add(signer.sign(text));
    }
    return new SignedNote(text, sigs);
  }

  /** This note with one more signature line, e.g. a witness cosignature. */
  public SignedNote addSignature(NoteSigner signer) {
    List<NoteSignature> sigs = new ArrayList<>(signatures);
    sigs.add(signer.sign(text));
    return new SignedNote(text, sigs);
  }

  /**
   * Parses note bytes, rejecting invalid UTF-8 first (signed-note "Format").
   *
   * @throws NoteFormatException naming the rule broken
   */
  public static SignedNote parse(Bytes note) {
    return parse(NoteText.decodeUtf8(note));
  }

  /**
   * Parses a signed note exactly: no leading or trailing text, LF line ends only.
   *
   * @throws NoteFormatException naming the rule broken
   */
  public static SignedNote parse(String note) {
    Objects.requireNonNull(note, "note");
    NoteText.checkCharacters("note", note);
    // signed-note "Format": "the text is separated from the signatures by the last empty line".
    int split = note.lastIndexOf("\n\n");
    if (split < 0) {
      throw new NoteFormatException(
          "note has no blank line separating the text from the signature lines");
    }
    String text = note.substring(0, split + 1);
    String block = note.substring(split + 2);
    if (block.isEmpty()) {
      throw new NoteFormatException("note has no signature lines after the blank line");
    }
    if (!block.endsWith("\n")) {
      throw new NoteFormatException("note does not end with a newline after the last signature");
    }
    String[] lines = block.substring(0, block.length() - 1).split("\n", -1);
    if (lines.length > MAX_SIGNATURES) {
      throw new NoteFormatException(
          "note has "
              + lines.length
              + " signature lines, more than the limit of "
              + MAX_SIGNATURES);
    }
    List<NoteSignature> sigs = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      sigs.add(parseSignatureLine(i + 1, lines[i]));
    }
    return new SignedNote(text, sigs);
  }

  private static NoteSignature parseSignatureLine(int number, String line) {
    if (!line.startsWith(NoteSignature.LINE_PREFIX)) {
      throw new NoteFormatException(
          "signature line "
              + number
              + " must start with U+2014 EM DASH and a space, found \""
              + abbreviate(line)
              + "\"");
    }
    String rest = line.substring(NoteSignature.LINE_PREFIX.length());
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new NoteFormatException(
          "signature line " + number + " must be \"— <key name> <base64>\", found no space");
    }
    String name = rest.substring(0, space);
    String b64 = rest.substring(space + 1);
    if (name.isEmpty()) {
      throw new NoteFormatException("signature line " + number + ": key name is empty");
    }
    if (b64.contains(" ")) {
      throw new NoteFormatException(
          "signature line " + number + " has more than two space-separated fields");
    }
    NoteText.checkKeyName(name);
    Bytes idAndSig = NoteText.decodeBase64("signature line " + number + " signature", b64);
    // signed-note "Format": the signature is 4+n bytes, a uint32 key ID then the signature.
    if (idAndSig.length() < 5) {
      throw new NoteFormatException(
          "signature line "
              + number
              + ": signature must be a 4-byte key ID and at least 1 signature byte, found "
              + idAndSig.length()
              + " bytes");
    }
    int keyId =
        ((idAndSig.byteAt(0) & 0xff) << 24)
            | ((idAndSig.byteAt(1) & 0xff) << 16)
            | ((idAndSig.byteAt(2) & 0xff) << 8)
            | (idAndSig.byteAt(3) & 0xff);
    return new NoteSignature(name, keyId, idAndSig.slice(4, idAndSig.length()));
  }

  /**
   * Verifies the note against the keys the caller trusts, following signed-note "Signatures": lines
   * whose (name, key ID) match no known key are ignored; a known key's line that fails to verify
   * rejects the whole note (the spec's SHOULD, taken as MUST here); and at least one known key must
   * verify.
   *
   * @return the known keys whose signatures verified, in note order
   * @throws NoteVerificationException when a known signature fails or none verifies
   */
  public List<NoteVerifierKey> verify(Collection<NoteVerifierKey> knownKeys) {
    List<NoteVerifierKey> verified = new ArrayList<>();
    for (NoteSignature sig : signatures) {
      for (NoteVerifierKey key : knownKeys) {
        if (key.matches(sig)) {
          key.verify(text, sig);
          verified.add(key);
        }
      }
    }
    if (verified.isEmpty()) {
      throw new NoteVerificationException(
          "no signature from a known key: note is signed by "
              + signatures
              + ", known keys are "
              + knownKeys.stream().map(k -> k.name() + "+" + k.keyIdHex()).toList());
    }
    return List.copyOf(verified);
  }

  /** The note text rules a signer must respect (signed-note "Format"). */
  static void checkText(String text) {
    if (text.isEmpty() || !text.endsWith("\n")) {
      throw new NoteFormatException("note text must end with a newline");
    }
    NoteText.checkCharacters("note text", text);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  /** The complete note: text, blank line, signature lines, each ending in a newline. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(text).append('\n');
    for (NoteSignature s : signatures) {
      sb.append(s.toLine()).append('\n');
    }
    return sb.toString();
  }
}
