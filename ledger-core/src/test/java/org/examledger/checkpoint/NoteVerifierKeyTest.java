package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.junit.jupiter.api.Test;

class NoteVerifierKeyTest {

  @Test
  void parse_specVkeys_roundTrip() {
    for (String vkey : new String[] {SignedNoteTest.SPEC_VKEY, SignedNoteTest.CHECKPOINT_VKEY}) {
      NoteVerifierKey key = NoteVerifierKey.parse(vkey);

      assertThat(key.toString()).isEqualTo(vkey);
      assertThat(key.type()).isEqualTo(NoteVerifierKey.TYPE_ED25519);
    }
  }

  @Test
  void keyId_reproducibleCheckpointKey_matchesVector() {
    NoteVerifierKey key =
        NoteVerifierKey.ed25519(
            SignedNoteTest.CHECKPOINT_KEY_NAME, SignedNoteTest.CHECKPOINT_SIGNER.publicKey());

    assertThat(key.keyIdHex()).isEqualTo(C2spVectors.field("keyid", 0));
    assertThat(key.toString()).isEqualTo(SignedNoteTest.CHECKPOINT_VKEY);
  }

  @Test
  void cosignatureV1_sameKey_differentKeyIdThanType01() {
    NoteVerifierKey log =
        NoteVerifierKey.ed25519("w.example", SignedNoteTest.CHECKPOINT_SIGNER.publicKey());
    NoteVerifierKey witness =
        NoteVerifierKey.cosignatureV1("w.example", SignedNoteTest.CHECKPOINT_SIGNER.publicKey());

    assertThat(witness.type()).isEqualTo(0x04);
    assertThat(witness.keyId()).isNotEqualTo(log.keyId());
    assertThat(NoteVerifierKey.parse(witness.toString())).isEqualTo(witness);
  }

  @Test
  void parse_wrongKeyId_throws() {
    String vkey = SignedNoteTest.SPEC_VKEY.replace("+530d903a+", "+530d903b+");

    assertThatThrownBy(() -> NoteVerifierKey.parse(vkey))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "verifier key example.com/foo: key ID 530d903b does not match SHA-256(name || 0x0A ||"
                + " type || key)[:4] = 530d903a");
  }

  @Test
  void parse_missingSeparator_throws() {
    assertThatThrownBy(() -> NoteVerifierKey.parse("example.com/foo+530d903a"))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "verifier key must be <name>+<hex8 key ID>+<base64 key>, found"
                + " \"example.com/foo+530d903a\"");
  }

  @Test
  void parse_shortKeyIdHex_throws() {
    String vkey = SignedNoteTest.SPEC_VKEY.replace("+530d903a+", "+530d903+");

    assertThatThrownBy(() -> NoteVerifierKey.parse(vkey))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "verifier key example.com/foo: key ID must be 8 lowercase hex digits, found"
                + " \"530d903\"");
  }

  @Test
  void parse_unsupportedType_throws() {
    // Type 0x02 (ECDSA) is assigned by signed-note but not supported here.
    Bytes key = Bytes.fromHex("02").concat(Bytes.fromHex("00".repeat(32)));
    int id = NoteVerifierKey.keyId("x.example", 2, key.slice(1, 33));
    String vkey = "x.example+" + String.format("%08x", id) + "+" + key.base64();

    assertThatThrownBy(() -> NoteVerifierKey.parse(vkey))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "verifier key x.example: unsupported signature type 0x02 (supported: 0x01 Ed25519,"
                + " 0x04 cosignature/v1)");
  }

  @Test
  void parse_truncatedKey_throws() {
    Bytes key = Bytes.fromHex("01").concat(Bytes.fromHex("00".repeat(31)));
    int id = NoteVerifierKey.keyId("x.example", 1, key.slice(1, 32));
    String vkey = "x.example+" + String.format("%08x", id) + "+" + key.base64();

    assertThatThrownBy(() -> NoteVerifierKey.parse(vkey))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "verifier key x.example: type 0x01 needs a 32-byte Ed25519 public key, found 31 bytes");
  }

  @Test
  void ed25519_sm2Key_throws() {
    var sm2 =
        Signers.sm2(
                Bytes.fromHex("01".repeat(32)), Sm2UserId.DEFAULT, new java.security.SecureRandom())
            .publicKey();

    assertThatThrownBy(() -> NoteVerifierKey.ed25519("log.example", sm2))
        .isInstanceOf(NoteFormatException.class)
        .hasMessage(
            "verifier key log.example: C2SP note signatures need an Ed25519 key, found SM2_SM3");
  }
}
