package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signers;
import org.junit.jupiter.api.Test;

class WitnessPolicyTest {

  static final NoteSigner LOG =
      NoteSigner.ed25519(SignedNoteTest.CHECKPOINT_KEY_NAME, SignedNoteTest.CHECKPOINT_SIGNER);

  static NoteSigner witness(int n) {
    return Cosignature.signer(
        "witness" + n + ".example",
        Signers.ed25519FromSeed(Bytes.fromHex(String.format("%02x", 0x40 + n).repeat(32))),
        1_700_000_000L + n);
  }

  static final List<NoteVerifierKey> WITNESSES =
      List.of(witness(1).verifierKey(), witness(2).verifierKey(), witness(3).verifierKey());

  static SignedNote checkpoint() {
    return SignedNote.parse(SignedNoteTest.CHECKPOINT_NOTE);
  }

  @Test
  void verify_twoOfThreeCosigned_returnsCheckpoint() {
    SignedNote note = checkpoint().addSignature(witness(1)).addSignature(witness(3));
    WitnessPolicy policy = new WitnessPolicy(LOG.verifierKey(), WITNESSES, 2);

    Checkpoint checkpoint = policy.verify(SignedNote.parse(note.toString()));

    assertThat(checkpoint.size()).isEqualTo(10);
  }

  @Test
  void verify_zeroThresholdLogOnly_returnsCheckpoint() {
    assertThat(new WitnessPolicy(LOG.verifierKey(), WITNESSES, 0).verify(checkpoint()).origin())
        .isEqualTo(SignedNoteTest.CHECKPOINT_KEY_NAME);
  }

  @Test
  void verify_oneOfThreeCosigned_throwsNamingMissing() {
    SignedNote note = checkpoint().addSignature(witness(2));
    WitnessPolicy policy = new WitnessPolicy(LOG.verifierKey(), WITNESSES, 2);

    assertThatThrownBy(() -> policy.verify(note))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "witness policy: need 2 of 3 witness cosignatures, found 1; verified [witness2.example+"
                + witness(2).verifierKey().keyIdHex()
                + "], missing [witness1.example+"
                + witness(1).verifierKey().keyIdHex()
                + ", witness3.example+"
                + witness(3).verifierKey().keyIdHex()
                + "]");
  }

  @Test
  void verify_witnessesWithoutLogSignature_throws() {
    String text = checkpoint().text();
    SignedNote note = SignedNote.sign(text, witness(1), witness(2), witness(3));
    WitnessPolicy policy = new WitnessPolicy(LOG.verifierKey(), WITNESSES, 2);

    assertThatThrownBy(() -> policy.verify(note))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "witness policy: checkpoint is not signed by the log key "
                + SignedNoteTest.CHECKPOINT_KEY_NAME
                + "+809da1a3");
  }

  @Test
  void verify_unknownSignaturesOnly_throws() {
    SignedNote note = SignedNote.sign(checkpoint().text(), witness(9));
    WitnessPolicy policy = new WitnessPolicy(LOG.verifierKey(), WITNESSES, 1);

    assertThatThrownBy(() -> policy.verify(note))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageStartingWith("witness policy: no signature from a known key: ");
  }

  @Test
  void verify_originNotLogKeyName_throws() {
    NoteSigner otherLog = NoteSigner.ed25519("other.example/log", SignedNoteTest.CHECKPOINT_SIGNER);
    SignedNote note = SignedNote.sign(checkpoint().text(), otherLog);
    WitnessPolicy policy = new WitnessPolicy(otherLog.verifierKey(), WITNESSES, 0);

    assertThatThrownBy(() -> policy.verify(note))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessage(
            "witness policy: checkpoint origin \""
                + SignedNoteTest.CHECKPOINT_KEY_NAME
                + "\" does not match the log key name \"other.example/log\"");
  }

  @Test
  void new_thresholdAboveWitnessCount_throws() {
    assertThatThrownBy(() -> new WitnessPolicy(LOG.verifierKey(), WITNESSES, 4))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("threshold must be in [0, 3], found 4");
  }
}
