package org.examledger.checkpoint;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.examledger.bytes.Bytes;

/** Character-level rules shared by notes, key names and checkpoints. */
final class NoteText {

  private NoteText() {}

  /**
   * signed-note "Format": "Signed notes MUST be valid UTF-8". Decodes strictly, never replacing bad
   * bytes.
   */
  static String decodeUtf8(Bytes bytes) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new NoteFormatException("note is not valid UTF-8: " + e.getMessage());
    }
  }

  /**
   * signed-note "Format": valid UTF-8 (a Java string can hold an unpaired surrogate, which has no
   * UTF-8 encoding) and no ASCII control character other than newline.
   */
  static void checkCharacters(String what, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new NoteFormatException(
            what + " is not valid UTF-8: unpaired surrogate at index " + i);
      } else if (c < 0x20 && c != '\n') {
        throw new NoteFormatException(
            String.format(
                "%s contains control character U+%04X at index %d (only newline is allowed)",
                what, (int) c, i));
      }
    }
  }

  /**
   * signed-note "Format": "Key names MUST be non-empty and MUST NOT contain any Unicode spaces or
   * plus (U+002B) characters."
   */
  static void checkKeyName(String name) {
    if (name.isEmpty()) {
      throw new NoteFormatException("key name is empty");
    }
    checkCharacters("key name", name);
    int[] cps = name.codePoints().toArray();
    for (int cp : cps) {
      if (cp == '+') {
        throw new NoteFormatException("key name \"" + name + "\" contains '+'");
      }
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        throw new NoteFormatException(
            String.format("key name \"%s\" contains space character U+%04X", name, cp));
      }
    }
  }

  /**
   * Standard base64 with padding (RFC 4648 section 4, as all three C2SP specs use). The JDK decoder
   * tolerates missing padding and stray low bits, so the input must re-encode to itself.
   */
  static Bytes decodeBase64(String what, String b64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new NoteFormatException(what + " is not base64: \"" + b64 + "\"");
    }
    if (!Base64.getEncoder().encodeToString(decoded).equals(b64)) {
      throw new NoteFormatException(
          what + " is not canonical padded base64 (RFC 4648 section 4): \"" + b64 + "\"");
    }
    return Bytes.of(decoded);
  }
}
