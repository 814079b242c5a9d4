package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Verifiers;
import org.junit.jupiter.api.Test;

class CosignatureTest {

  static final Signer WITNESS = Signers.ed25519FromSeed(Bytes.fromHex("33".repeat(32)));
  static final String WITNESS_NAME = "witness.example/w1";
  static final long TIME = 1679315147L;

  static SignedNote logCheckpoint() {
    return SignedNote.parse(SignedNoteTest.CHECKPOINT_NOTE);
  }

  @Test
  void signedMessage_specExample_matchesVectorLayout() {
    String expected = C2spVectors.cosignatureMessage();
    String checkpointText = expected.substring(expected.indexOf("example.com/behind-the-sofa"));

    assertThat(Cosignature.signedMessage(TIME, checkpointText).utf8String()).isEqualTo(expected);
  }

  @Test
  void from_tlogCosignatureSpecExample_readsTimestamp() {
    // The witness line of the c2sp.org/tlog-cosignature example note: key ID, then the
    // timestamped_signature; its public key is not published, so only the layout is checked.
    SignedNote note =
        SignedNote.parse(
            "example.com/behind-the-sofa\n20852163\nCsUYapGGPo4dkMgIAUqom/Xajj7h2fB2MPA3j2jxq2I=\n"
                + "\n"
                + "— witness.example.com/w1 jWbPPwAAAABkGFDLEZMHwSRaJNiIDoe9DYn/zXcrtPHeolMI5OWXEhZCB9dlrDJsX3b2oyin1nPZqhf5nNo0xUe+mbIUBkBIfZ+qnA==\n");

    Cosignature cosig = Cosignature.from(note.signatures().get(0));

    assertThat(note.signatures().get(0).keyIdHex()).isEqualTo("8d66cf3f");
    assertThat(cosig.timestamp()).isEqualTo(TIME);
    assertThat(cosig.toBytes()).isEqualTo(note.signatures().get(0).signature());
  }

  @Test
  void signer_roundTrip_verifiesAndCarriesTimestamp() {
    NoteSigner witness = Cosignature.signer(WITNESS_NAME, WITNESS, TIME);
    SignedNote cosigned = logCheckpoint().addSignature(witness);

    NoteVerifierKey key = NoteVerifierKey.parse(witness.verifierKey().toString());
    List<NoteVerifierKey> verified = SignedNote.parse(cosigned.toString()).verify(List.of(key));

    assertThat(verified).containsExactly(key);
    NoteSignature line = cosigned.signatures().get(1);
    assertThat(line.signature().length()).isEqualTo(72);
    assertThat(Cosignature.from(line).timestamp()).isEqualTo(TIME);
    assertThat(key.type()).isEqualTo(NoteVerifierKey.TYPE_COSIGNATURE_V1);
    // The signature is over the cosignature/v1 message, not the bare note text.
    assertThat(key.publicKey()).isEqualTo(WITNESS.publicKey());
    Verifiers.forKey(key.publicKey(), null)
        .verify(
            Cosignature.signedMessage(TIME, cosigned.text()),
            Cosignature.from(line).ed25519Signature());
  }

  @Test
  void signer_independentPythonCosignature_sameBytes() {
    // checkpoint/cosigned_checkpoint.txt was made with Python's cryptography package (README).
    String golden = C2spVectors.resource("checkpoint/cosigned_checkpoint.txt").utf8String();
    NoteSigner witness = Cosignature.signer("witness.example/w1", WITNESS, TIME);

    SignedNote cosigned = logCheckpoint().addSignature(witness);

    assertThat(cosigned.toString()).isEqualTo(golden);
    assertThat(witness.verifierKey().toString())
        .isEqualTo("witness.example/w1+d92427b4+BBfLefsrQSDysexl5BmNbgiyjoE/6wHkpACDm4XhgIDO");
    new WitnessPolicy(
            NoteVerifierKey.parse(SignedNoteTest.CHECKPOINT_VKEY),
            List.of(NoteVerifierKey.parse(witness.verifierKey().toString())),
            1)
        .verify(SignedNote.parse(golden));
  }

  @Test
  void verify_changedTimestamp_throws() {
    NoteSigner witness = Cosignature.signer(WITNESS_NAME, WITNESS, TIME);
    SignedNote cosigned = logCheckpoint().addSignature(witness);
    NoteSignature line = cosigned.signatures().get(1);
    Cosignature later = new Cosignature(TIME + 1, Cosignature.from(line).ed25519Signature());
    SignedNote forged =
        new SignedNote(
            cosigned.text(),
            List.of(new NoteSignature(line.keyName(), line.keyId(), later.toBytes())));

    assertThatThrownBy(() -> forged.verify(List.of(witness.verifierKey())))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "cosignature by "
                + WITNESS_NAME
                + "+"
                + witness.verifierKey().keyIdHex()
                + " at time 1679315148 failed: ED25519 signature by key "
                + WITNESS.publicKey().keyId()
                + ": not verified");
  }

  @Test
  void verify_wrongLength_throws() {
    NoteSigner witness = Cosignature.signer(WITNESS_NAME, WITNESS, TIME);
    NoteSignature line = logCheckpoint().addSignature(witness).signatures().get(1);
    SignedNote truncated =
        new SignedNote(
            logCheckpoint().text(),
            List.of(
                new NoteSignature(line.keyName(), line.keyId(), line.signature().slice(0, 71))));

    assertThatThrownBy(() -> truncated.verify(List.of(witness.verifierKey())))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "cosignature by "
                + WITNESS_NAME
                + "+"
                + witness.verifierKey().keyIdHex()
                + " failed: cosignature by "
                + line
                + " must be 72 bytes (8-byte timestamp, 64-byte Ed25519 signature), found 71");
  }

  @Test
  void from_timestampAbove2To63_throws() {
    NoteSignature line =
        new NoteSignature(
            WITNESS_NAME, 1, Bytes.fromHex("8000000000000000").concat(Bytes.of(new byte[64])));

    assertThatThrownBy(() -> Cosignature.from(line))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage("cosignature timestamp exceeds 2^63-1: 9223372036854775808");
  }
}
