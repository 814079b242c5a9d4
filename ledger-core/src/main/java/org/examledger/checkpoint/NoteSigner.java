package org.examledger.checkpoint;

import java.util.Objects;
import java.util.function.Function;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signer;

/** Signs note text under one verifier key, producing a signature line. */
public final class NoteSigner {

  private final NoteVerifierKey verifierKey;
  private final Function<String, Bytes> signText;

  NoteSigner(NoteVerifierKey verifierKey, Function<String, Bytes> signText) {
    this.verifierKey = verifierKey;
    this.signText = signText;
  }

  /**
   * A type 0x01 signer: Ed25519 over the note text (signed-note "Ed25519 signatures").
   *
   * @throws NoteFormatException when the name is not a valid key name or the key is not Ed25519
   */
  public static NoteSigner ed25519(String name, Signer signer) {
    Objects.requireNonNull(signer, "signer");
    NoteVerifierKey key = NoteVerifierKey.ed25519(name, signer.publicKey());
    return new NoteSigner(key, text -> signer.sign(Bytes.utf8(text)));
  }

  public NoteVerifierKey verifierKey() {
    return verifierKey;
  }

  /**
   * Signs the note text, which must end in a newline.
   *
   * @throws NoteFormatException when the text is not valid note text
   */
  public NoteSignature sign(String text) {
    SignedNote.checkText(text);
    return new NoteSignature(verifierKey.name(), verifierKey.keyId(), signText.apply(text));
  }

  @Override
  public String toString() {
    return "NoteSigner[" + verifierKey + "]";
  }
}
