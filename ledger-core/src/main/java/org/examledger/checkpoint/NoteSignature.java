package org.examledger.checkpoint;

import java.util.Objects;
import org.examledger.bytes.Bytes;

/**
 * One signature line of a signed note: {@code — <key name> base64(key ID || signature)}
 * (signed-note "Signatures"). The key ID is a big-endian uint32, held here as an int.
 */
public record NoteSignature(String keyName, int keyId, Bytes signature) {

  /** signed-note "Format": each signature line starts with U+2014 EM DASH and U+0020 SPACE. */
  static final String LINE_PREFIX = "\u2014 ";

  public NoteSignature {
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(signature, "signature");
    NoteText.checkKeyName(keyName);
    if (signature.length() == 0) {
      throw new NoteFormatException("signature by " + keyName + " is empty");
    }
  }

  /** The key ID as 8 lowercase hex digits, as it appears in a verifier key. */
  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  /** The line without its final newline. */
  public String toLine() {
    Bytes idAndSig = Bytes.fromHex(keyIdHex()).concat(signature);
    return LINE_PREFIX + keyName + " " + idAndSig.base64();
  }

  @Override
  public String toString() {
    return keyName + "+" + keyIdHex();
  }
}
