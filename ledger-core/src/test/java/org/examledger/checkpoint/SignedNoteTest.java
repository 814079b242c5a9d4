package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.junit.jupiter.api.Test;

class SignedNoteTest {

  static final String SPEC_VKEY = C2spVectors.field("vkey", 0);
  static final String SPEC_NOTE = C2spVectors.note(0);
  static final String CHECKPOINT_VKEY = C2spVectors.field("vkey", 1);
  static final String CHECKPOINT_NOTE = C2spVectors.note(1);
  static final Signer CHECKPOINT_SIGNER =
      Signers.ed25519FromSeed(Bytes.fromHex(C2spVectors.field("seed", 0)));
  static final String CHECKPOINT_KEY_NAME = C2spVectors.field("keyname", 0);

  @Test
  void verify_signedNoteSpecExample_accepts() {
    NoteVerifierKey key = NoteVerifierKey.parse(SPEC_VKEY);
    SignedNote note = SignedNote.parse(SPEC_NOTE);

    assertThat(note.verify(List.of(key))).containsExactly(key);
    assertThat(note.text()).isEqualTo("This is an example message.\n");
    assertThat(note.toString()).isEqualTo(SPEC_NOTE);
  }

  @Test
  void sign_reproducibleCheckpointSeed_givesSameBytes() {
    NoteSigner signer = NoteSigner.ed25519(CHECKPOINT_KEY_NAME, CHECKPOINT_SIGNER);
    String text = SignedNote.parse(CHECKPOINT_NOTE).text();

    SignedNote note = SignedNote.sign(text, signer);

    assertThat(note.toString()).isEqualTo(CHECKPOINT_NOTE);
    assertThat(signer.verifierKey().toString()).isEqualTo(CHECKPOINT_VKEY);
    assertThat(signer.verifierKey().keyIdHex()).isEqualTo(C2spVectors.field("keyid", 0));
    assertThat(CHECKPOINT_SIGNER.publicKey().rawEd25519().hex())
        .isEqualTo(C2spVectors.field("public", 0));
    assertThat(note.verify(List.of(NoteVerifierKey.parse(CHECKPOINT_VKEY))))
        .containsExactly(signer.verifierKey());
  }

  @Test
  void parse_utf8Bytes_sameAsString() {
    assertThat(SignedNote.parse(Bytes.utf8(CHECKPOINT_NOTE)))
        .isEqualTo(SignedNote.parse(CHECKPOINT_NOTE));
  }

  @Test
  void parse_textWithEmptyLines_splitsAtLastBlankLine() {
    // signed-note "Format": the note text MAY contain empty lines.
    NoteSigner signer = NoteSigner.ed25519("example.com/log", CHECKPOINT_SIGNER);
    SignedNote note = SignedNote.sign("first\n\nsecond\n", signer);

    SignedNote parsed = SignedNote.parse(note.toString());

    assertThat(parsed.text()).isEqualTo("first\n\nsecond\n");
    parsed.verify(List.of(signer.verifierKey()));
  }

  @Test
  void verify_unknownKeyAlongsideKnown_ignoresUnknown() {
    // signed-note "Signatures": verifiers MUST ignore signatures from unknown keys, even if they
    // share a name or ID (but not both) with a known key.
    NoteSigner log = NoteSigner.ed25519(CHECKPOINT_KEY_NAME, CHECKPOINT_SIGNER);
    Signer other = Signers.ed25519FromSeed(Bytes.fromHex("22".repeat(32)));
    NoteSigner sameName = NoteSigner.ed25519(CHECKPOINT_KEY_NAME, other);
    SignedNote note = SignedNote.sign(SignedNote.parse(CHECKPOINT_NOTE).text(), sameName, log);

    assertThat(note.verify(List.of(log.verifierKey()))).containsExactly(log.verifierKey());
  }

  @Test
  void verify_onlyUnknownKeys_throws() {
    SignedNote note = SignedNote.parse(CHECKPOINT_NOTE);
    NoteVerifierKey spec = NoteVerifierKey.parse(SPEC_VKEY);

    assertThatThrownBy(() -> note.verify(List.of(spec)))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "no signature from a known key: note is signed by ["
                + CHECKPOINT_KEY_NAME
                + "+809da1a3], known keys are [example.com/foo+530d903a]");
  }

  @Test
  void verify_knownKeyFlippedBit_throws() {
    SignedNote good = SignedNote.parse(CHECKPOINT_NOTE);
    NoteSignature sig = good.signatures().get(0);
    byte[] raw = sig.signature().toByteArray();
    raw[0] ^= 1;
    SignedNote bad =
        new SignedNote(
            good.text(), List.of(new NoteSignature(sig.keyName(), sig.keyId(), Bytes.of(raw))));
    NoteVerifierKey key = NoteVerifierKey.parse(CHECKPOINT_VKEY);

    assertThatThrownBy(() -> bad.verify(List.of(key)))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "note signature by "
                + CHECKPOINT_KEY_NAME
                + "+809da1a3 failed: ED25519 signature by key "
                + key.publicKey().keyId()
                + ": not verified");
  }

  @Test
  void verify_knownKeyChangedText_throws() {
    SignedNote good = SignedNote.parse(CHECKPOINT_NOTE);
    SignedNote bad = new SignedNote(good.text().replace("\n10\n", "\n11\n"), good.signatures());

    assertThatThrownBy(() -> bad.verify(List.of(NoteVerifierKey.parse(CHECKPOINT_VKEY))))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageEndingWith(": not verified");
  }

  @Test
  void verify_knownKeyTruncatedSignature_throws() {
    SignedNote good = SignedNote.parse(CHECKPOINT_NOTE);
    NoteSignature sig = good.signatures().get(0);
    SignedNote bad =
        new SignedNote(
            good.text(),
            List.of(new NoteSignature(sig.keyName(), sig.keyId(), sig.signature().slice(0, 63))));

    assertThatThrownBy(() -> bad.verify(List.of(NoteVerifierKey.parse(CHECKPOINT_VKEY))))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageEndingWith(": wrong length: expected 64 bytes, found 63");
  }

  @Test
  void sign_textWithoutFinalNewline_throws() {
    NoteSigner signer = NoteSigner.ed25519("example.com/log", CHECKPOINT_SIGNER);

    assertThatThrownBy(() -> signer.sign("no newline"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("note text must end with a newline");
  }

  @Test
  void sign_textWithTab_throws() {
    NoteSigner signer = NoteSigner.ed25519("example.com/log", CHECKPOINT_SIGNER);

    assertThatThrownBy(() -> signer.sign("a\tb\n"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "note text contains control character U+0009 at index 1 (only newline is allowed)");
  }

  @Test
  void parse_unpairedSurrogate_throws() {
    assertThatThrownBy(() -> SignedNote.parse("a\uD800\n\n" + "— x AAAAAAA=\n"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("note is not valid UTF-8: unpaired surrogate at index 1");
  }

  @Test
  void ed25519_keyNameWithSpace_throws() {
    assertThatThrownBy(() -> NoteSigner.ed25519("example.com log", CHECKPOINT_SIGNER))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("key name \"example.com log\" contains space character U+0020");
  }

  @Test
  void addSignature_sameKeyTwice_throws() {
    NoteSigner signer = NoteSigner.ed25519(CHECKPOINT_KEY_NAME, CHECKPOINT_SIGNER);
    SignedNote note = SignedNote.parse(CHECKPOINT_NOTE);

    assertThatThrownBy(() -> note.addSignature(signer))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "duplicate signature lines for key "
                + CHECKPOINT_KEY_NAME
                + "+809da1a3 (one key signs a note at most once)");
  }
}
