package org.examledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

class EncryptedKeysTest {

  static final char[] PASSWORD = "correct-horse".toCharArray();

  static FixedRandom saltAndIv() {
    return new FixedRandom(Bytes.fromHex("5a".repeat(64)));
  }

  @Test
  void fromEncryptedPkcs8Pem_opensslEd25519_matchesPlainKey() {
    Signer signer =
        Signers.fromEncryptedPkcs8Pem(
            Resources.text("crypto/golden/ed25519-private-encrypted.pem"), PASSWORD, null, null);

    assertThat(signer.publicKey())
        .isEqualTo(PublicKey.fromPem(Resources.text("crypto/golden/ed25519-public.pem")));
  }

  @Test
  void fromEncryptedPkcs8Pem_opensslSm2_matchesPlainKey() {
    Signer signer =
        Signers.fromEncryptedPkcs8Pem(
            Resources.text("crypto/golden/sm2-private-encrypted.pem"),
            PASSWORD,
            Sm2UserId.DEFAULT,
            new FixedRandom(Bytes.EMPTY));

    assertThat(signer.publicKey())
        .isEqualTo(PublicKey.fromPem(Resources.text("crypto/golden/sm2-public.pem")));
  }

  @Test
  void toEncryptedPkcs8Pem_roundTrip_sameKey() {
    Signer signer = Signers.ed25519FromSeed(SignaturesTest.ED_SEED);

    String pem = Signers.toEncryptedPkcs8Pem(signer, PASSWORD, saltAndIv());
    Signer back = Signers.fromEncryptedPkcs8Pem(pem, PASSWORD, null, null);

    assertThat(pem).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
    assertThat(pem).doesNotContain(Signers.toPkcs8Pem(signer).split("\n")[1]);
    assertThat(back.publicKey()).isEqualTo(signer.publicKey());
  }

  @Test
  void fromEncryptedPkcs8Pem_wrongPassword_throws() {
    String pem = Resources.text("crypto/golden/ed25519-private-encrypted.pem");

    assertThatThrownBy(() -> Signers.fromEncryptedPkcs8Pem(pem, "wrong".toCharArray(), null, null))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "private key: EncryptedPrivateKeyInfo: cannot decrypt (wrong password or corrupted"
                + " data)");
  }

  @Test
  void fromEncryptedPkcs8Pem_legacyPbes1_throws() {
    String pem = Resources.text("crypto/golden/ed25519-private-pbes1.pem");

    assertThatThrownBy(() -> Signers.fromEncryptedPkcs8Pem(pem, PASSWORD, null, null))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "private key: EncryptedPrivateKeyInfo: unsupported encryption scheme"
                + " 1.2.840.113549.1.12.1.3 (only PBES2 1.2.840.113549.1.5.13)");
  }

  @Test
  void fromPkcs8Pem_encryptedFile_throwsNamingLabel() {
    String pem = Resources.text("crypto/golden/ed25519-private-encrypted.pem");

    assertThatThrownBy(() -> Signers.fromPkcs8Pem(pem, null, null))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "malformed PEM: expected \"-----BEGIN PRIVATE KEY-----\", found \"-----BEGIN"
                + " ENCRYPTED PRIVATE KEY-----\"");
  }

  /** Found by KeyFuzzTest: refused, but as "wrong password or corrupted data". */
  @Test
  void fromEncryptedPkcs8Pem_iterationCountAboveLimit_throwsNamingIt() {
    String pem =
        Pem.encode(
            Signers.ENCRYPTED_PKCS8_PEM_LABEL,
            Bytes.of(KeyFuzzTest.withIterations(Integer.MAX_VALUE)));

    assertThatThrownBy(
            () -> Signers.fromEncryptedPkcs8Pem(pem, PASSWORD, Sm2UserId.DEFAULT, saltAndIv()))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "private key: EncryptedPrivateKeyInfo: PBKDF2 iteration count 2147483647 is above the"
                + " limit of 10000000");
  }
}
