package org.examledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

class SignaturesTest {

  static final Bytes MESSAGE = Bytes.utf8("exam station 7, candidate 42, score 88\n");
  static final Bytes ED_SEED =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  static final Bytes SM2_D =
      Bytes.fromHex("110E7973206F68C19EE5F7328C036F26911C8C73B4E4F36AE3291097F8984FFC");
  static final Bytes SM2_K =
      Bytes.fromHex("3174C6FFC3C279D2422F3FC0A9F3E574674A4490FE45A5325CAF7D3EC4C8F96C");
  static final Sm2UserId STATION_ID = Sm2UserId.utf8("station-7@exam.example");

  static Signer sm2Signer(Sm2UserId id) {
    return Signers.sm2(SM2_D, id, new FixedRandom(SM2_K));
  }

  static Bytes flipBit(Bytes b, int index) {
    byte[] raw = b.toByteArray();
    raw[index] ^= 0x01;
    return Bytes.of(raw);
  }

  @Test
  void sign_ed25519RoundTrip_verifies() {
    Signer signer = Signers.ed25519FromSeed(ED_SEED);
    Bytes sig = signer.sign(MESSAGE);

    Verifiers.forKey(signer.publicKey(), null).verify(MESSAGE, sig);
    assertThat(sig.length()).isEqualTo(64);
    assertThat(signer.publicKey().algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
  }

  @Test
  void sign_sm2RoundTrip_verifies() {
    Signer signer = sm2Signer(STATION_ID);
    Bytes sig = signer.sign(MESSAGE);

    Verifiers.forKey(signer.publicKey(), STATION_ID).verify(MESSAGE, sig);
    assertThat(signer.publicKey().algorithm()).isEqualTo(SignatureAlgorithm.SM2_SM3);
  }

  @Test
  void sign_sm2VectorThroughPublicApi_matchesRAndS() {
    Signer signer = sm2Signer(Sm2UserId.utf8("sm2test@example.com"));

    Bytes sig = signer.sign(Bytes.utf8("hi chappy"));

    assertThat(sig.hex())
        .isEqualTo(
            "3045022005890b9077b92e47b17a1ff42a814280e556afd92b4a98b9670bf8b1a274c2fa"
                + "022100e3abbb8db2b6ecd9b24eccea7f679fb9a4b1db52f4aa985e443ad73237fa1993");
  }

  @Test
  void generate_bothAlgorithms_roundTrip() {
    Bytes seedMaterial = Bytes.fromHex("07".repeat(32));
    for (SignatureAlgorithm alg : SignatureAlgorithm.values()) {
      Signer signer =
          Signers.generate(alg, new FixedRandom(seedMaterial.concat(SM2_K)), Sm2UserId.DEFAULT);
      Verifiers.forKey(signer.publicKey(), Sm2UserId.DEFAULT).verify(MESSAGE, signer.sign(MESSAGE));
      assertThat(signer.publicKey().algorithm()).isEqualTo(alg);
    }
  }

  @Test
  void verify_ed25519FlippedBit_throws() {
    Signer signer = Signers.ed25519FromSeed(ED_SEED);
    Bytes sig = flipBit(signer.sign(MESSAGE), 10);

    assertThatThrownBy(() -> Verifiers.forKey(signer.publicKey(), null).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage("ED25519 signature by key " + signer.publicKey().keyId() + ": not verified");
  }

  @Test
  void verify_ed25519FlippedMessageBit_throws() {
    Signer signer = Signers.ed25519FromSeed(ED_SEED);
    Bytes sig = signer.sign(MESSAGE);

    assertThatThrownBy(
            () -> Verifiers.forKey(signer.publicKey(), null).verify(flipBit(MESSAGE, 0), sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageEndingWith(": not verified");
  }

  @Test
  void verify_ed25519TruncatedSignature_throws() {
    Signer signer = Signers.ed25519FromSeed(ED_SEED);
    Bytes sig = signer.sign(MESSAGE).slice(0, 63);

    assertThatThrownBy(() -> Verifiers.forKey(signer.publicKey(), null).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "ED25519 signature by key "
                + signer.publicKey().keyId()
                + ": wrong length: expected 64 bytes, found 63");
  }

  @Test
  void verify_ed25519WrongKey_throws() {
    Bytes sig = Signers.ed25519FromSeed(ED_SEED).sign(MESSAGE);
    PublicKey other = Signers.ed25519FromSeed(Bytes.fromHex("01".repeat(32))).publicKey();

    assertThatThrownBy(() -> Verifiers.forKey(other, null).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage("ED25519 signature by key " + other.keyId() + ": not verified");
  }

  @Test
  void verify_sm2FlippedBit_throws() {
    Signer signer = sm2Signer(STATION_ID);
    Bytes good = signer.sign(MESSAGE);
    Bytes sig = flipBit(good, good.length() - 1);

    assertThatThrownBy(() -> Verifiers.forKey(signer.publicKey(), STATION_ID).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "SM2_SM3 signature by key "
                + signer.publicKey().keyId()
                + " with user ID \"station-7@exam.example\": not verified (wrong key, message or"
                + " user ID)");
  }

  @Test
  void verify_sm2TruncatedSignature_throws() {
    Signer signer = sm2Signer(STATION_ID);
    Bytes good = signer.sign(MESSAGE);
    Bytes sig = good.slice(0, good.length() - 1);

    assertThatThrownBy(() -> Verifiers.forKey(signer.publicKey(), STATION_ID).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageStartingWith(
            "SM2_SM3 signature by key "
                + signer.publicKey().keyId()
                + " with user ID \"station-7@exam.example\": malformed DER: ");
  }

  @Test
  void verify_sm2TrailingByte_throws() {
    Signer signer = sm2Signer(STATION_ID);
    Bytes sig = signer.sign(MESSAGE).concat(Bytes.fromHex("00"));

    assertThatThrownBy(() -> Verifiers.forKey(signer.publicKey(), STATION_ID).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageEndingWith(": malformed DER: Extra data detected in stream");
  }

  @Test
  void verify_sm2NonMinimalLength_throws() {
    // BER long-form length 0x81 0x45 where DER requires the short form.
    Bytes der = sm2Signer(STATION_ID).sign(MESSAGE);
    Bytes ber = Bytes.fromHex("3081").concat(der.slice(1, der.length()));
    PublicKey key = sm2Signer(STATION_ID).publicKey();

    assertThatThrownBy(() -> Verifiers.forKey(key, STATION_ID).verify(MESSAGE, ber))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageEndingWith(": malformed DER: not the distinguished encoding or trailing bytes");
  }

  @Test
  void verify_sm2ZeroR_throws() {
    Bytes sig = Bytes.fromHex("3006020100020101");
    PublicKey key = sm2Signer(STATION_ID).publicKey();

    assertThatThrownBy(() -> Verifiers.forKey(key, STATION_ID).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageEndingWith(": r or s outside [1, n-1]");
  }

  @Test
  void verify_sm2NotASequenceOfTwoIntegers_throws() {
    Bytes sig = Bytes.fromHex("3003020101");
    PublicKey key = sm2Signer(STATION_ID).publicKey();

    assertThatThrownBy(() -> Verifiers.forKey(key, STATION_ID).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageEndingWith(": malformed DER: expected SEQUENCE { INTEGER, INTEGER }");
  }

  @Test
  void verify_sm2WrongUserId_throws() {
    Signer signer = sm2Signer(STATION_ID);
    Bytes sig = signer.sign(MESSAGE);

    assertThatThrownBy(
            () -> Verifiers.forKey(signer.publicKey(), Sm2UserId.DEFAULT).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "SM2_SM3 signature by key "
                + signer.publicKey().keyId()
                + " with user ID \"1234567812345678\": not verified (wrong key, message or user"
                + " ID)");
  }

  @Test
  void verify_sm2WrongKey_throws() {
    Bytes sig = sm2Signer(STATION_ID).sign(MESSAGE);
    PublicKey other =
        Signers.sm2(Bytes.fromHex("01".repeat(32)), STATION_ID, new FixedRandom(SM2_K)).publicKey();

    assertThatThrownBy(() -> Verifiers.forKey(other, STATION_ID).verify(MESSAGE, sig))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageContaining(other.keyId().value())
        .hasMessageEndingWith(": not verified (wrong key, message or user ID)");
  }

  @Test
  void forKey_sm2WithoutUserId_throws() {
    PublicKey key = sm2Signer(STATION_ID).publicKey();

    assertThatThrownBy(() -> Verifiers.forKey(key, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "SM2 needs an explicit user ID (use Sm2UserId.DEFAULT for the GM/T 0009 default)");
  }

  @Test
  void sm2_privateScalarZero_throws() {
    assertThatThrownBy(
            () -> Signers.sm2(Bytes.fromHex("00".repeat(32)), STATION_ID, new FixedRandom(SM2_K)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("private key: SM2 private key must be in [1, n-2]");
  }

  @Test
  void ed25519FromSeed_wrongLength_throws() {
    assertThatThrownBy(() -> Signers.ed25519FromSeed(Bytes.fromHex("00".repeat(31))))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("private key: Ed25519 seed must be 32 bytes, found 31");
  }
}
