package org.examledger.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

class KeysTest {

  static final String ED_PUBLIC_PEM = Resources.text("crypto/golden/ed25519-public.pem");
  static final String ED_PRIVATE_PEM = Resources.text("crypto/golden/ed25519-private.pem");
  static final String SM2_PUBLIC_PEM = Resources.text("crypto/golden/sm2-public.pem");
  static final String SM2_PRIVATE_PEM = Resources.text("crypto/golden/sm2-private.pem");

  @Test
  void fromPem_opensslKeys_reencodeByteForByte() {
    assertThat(PublicKey.fromPem(ED_PUBLIC_PEM).toPem()).isEqualTo(ED_PUBLIC_PEM);
    assertThat(PublicKey.fromPem(SM2_PUBLIC_PEM).toPem()).isEqualTo(SM2_PUBLIC_PEM);
    assertThat(Signers.toPkcs8Pem(Signers.fromPkcs8Pem(ED_PRIVATE_PEM, null, null)))
        .isEqualTo(ED_PRIVATE_PEM);
    assertThat(
            Signers.toPkcs8Pem(
                Signers.fromPkcs8Pem(
                    SM2_PRIVATE_PEM, Sm2UserId.DEFAULT, new FixedRandom(Bytes.EMPTY))))
        .isEqualTo(SM2_PRIVATE_PEM);
  }

  @Test
  void keyId_opensslKeys_isSha256OfSpkiDer() {
    // Expected values computed with: openssl pkey -pubin -in X -outform DER | sha256sum
    assertThat(PublicKey.fromPem(ED_PUBLIC_PEM).keyId().value())
        .isEqualTo("9eb0c3cb460b9c489ef57373ae1e08f9cd699c205195743198f2bb97dc642aca");
    assertThat(PublicKey.fromPem(SM2_PUBLIC_PEM).keyId().value())
        .isEqualTo("0fda4d8e101c12c4731a3ded53f879d3c021b5f33e8ebc098282efbfbf566804");
  }

  @Test
  void fromPkcs8Pem_privateKey_matchesPublicKeyFile() {
    assertThat(Signers.fromPkcs8Pem(ED_PRIVATE_PEM, null, null).publicKey())
        .isEqualTo(PublicKey.fromPem(ED_PUBLIC_PEM));
    assertThat(
            Signers.fromPkcs8Pem(SM2_PRIVATE_PEM, Sm2UserId.DEFAULT, new FixedRandom(Bytes.EMPTY))
                .publicKey())
        .isEqualTo(PublicKey.fromPem(SM2_PUBLIC_PEM));
  }

  @Test
  void toPkcs8Pem_roundTrip_signsWithSameKey() {
    Signer ed = Signers.ed25519FromSeed(SignaturesTest.ED_SEED);
    Signer back = Signers.fromPkcs8Pem(Signers.toPkcs8Pem(ed), null, null);

    assertThat(back.publicKey()).isEqualTo(ed.publicKey());
    assertThat(back.sign(SignaturesTest.MESSAGE)).isEqualTo(ed.sign(SignaturesTest.MESSAGE));

    Signer sm2 = SignaturesTest.sm2Signer(SignaturesTest.STATION_ID);
    Signer sm2Back =
        Signers.fromPkcs8Pem(
            Signers.toPkcs8Pem(sm2),
            SignaturesTest.STATION_ID,
            new FixedRandom(SignaturesTest.SM2_K));
    assertThat(sm2Back.publicKey()).isEqualTo(sm2.publicKey());
    assertThat(sm2Back.sign(SignaturesTest.MESSAGE)).isEqualTo(sm2.sign(SignaturesTest.MESSAGE));
  }

  @Test
  void keyId_rfc8032Test1Key_matchesFormatDocExample() {
    // docs/formats/keys-and-signatures.md worked example; expected values computed with Python
    // hashlib and base64 from the RFC 8410 layout, independently of this code.
    Signer signer = Signers.ed25519FromSeed(SignaturesTest.ED_SEED);

    assertThat(signer.publicKey().spki().hex())
        .isEqualTo(
            "302a300506032b6570032100"
                + "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    assertThat(signer.publicKey().keyId().value())
        .isEqualTo("06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9");
    assertThat(signer.publicKey().toPem())
        .isEqualTo(
            "-----BEGIN PUBLIC KEY-----\n"
                + "MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n"
                + "-----END PUBLIC KEY-----\n");
    assertThat(Signers.toPkcs8Pem(signer))
        .isEqualTo(
            "-----BEGIN PRIVATE KEY-----\n"
                + "MC4CAQAwBQYDK2VwBCIEIJ1hsZ3v/VpguoRK9JLsLMREScVpezJpGXA7rAMcrn9g\n"
                + "-----END PRIVATE KEY-----\n");
  }

  @Test
  void fromSpki_ed25519Raw_roundTrips() {
    PublicKey key = Signers.ed25519FromSeed(SignaturesTest.ED_SEED).publicKey();

    assertThat(PublicKey.fromSpki(key.spki())).isEqualTo(key);
    assertThat(PublicKey.fromPem(key.toPem())).isEqualTo(key);
    assertThat(PublicKey.ed25519(key.rawEd25519())).isEqualTo(key);
    // RFC 8410 section 10.1 layout: 30 2a 30 05 06 03 2b 65 70 03 21 00 || key.
    assertThat(key.spki().slice(0, 12).hex()).isEqualTo("302a300506032b6570032100");
  }

  @Test
  void rawEd25519_sm2Key_throws() {
    PublicKey key = PublicKey.fromPem(SM2_PUBLIC_PEM);

    assertThatThrownBy(key::rawEd25519)
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("key " + key.keyId() + " is SM2_SM3, not ED25519: it has no raw Ed25519 form");
  }

  @Test
  void fromPem_unsupportedKeyTypeP256_throws() {
    assertThatThrownBy(
            () -> PublicKey.fromPem(Resources.text("crypto/pem/unsupported_p256_public.pem")))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "public key: SubjectPublicKeyInfo: unsupported key type: EC curve 1.2.840.10045.3.1.7"
                + " (only sm2p256v1 1.2.156.10197.1.301)");
  }

  @Test
  void fromPem_unsupportedKeyTypeEd448_throws() {
    assertThatThrownBy(
            () -> PublicKey.fromPem(Resources.text("crypto/pem/unsupported_ed448_public.pem")))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "public key: SubjectPublicKeyInfo: unsupported key type: algorithm OID 1.3.101.113"
                + " (supported: Ed25519 1.3.101.112, SM2 id-ecPublicKey 1.2.840.10045.2.1 with"
                + " sm2p256v1)");
  }

  @Test
  void fromPem_malformedPemWrongLabel_throws() {
    assertThatThrownBy(() -> PublicKey.fromPem(ED_PRIVATE_PEM))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "malformed PEM: expected \"-----BEGIN PUBLIC KEY-----\", found \"-----BEGIN PRIVATE"
                + " KEY-----\"");
  }

  @Test
  void fromPem_malformedPemBadBase64_throws() {
    String pem = ED_PUBLIC_PEM.replace("MCow", "MC*w");

    assertThatThrownBy(() -> PublicKey.fromPem(pem))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("malformed PEM: body is not base64: ");
  }

  @Test
  void fromPem_malformedPemMissingEnd_throws() {
    String pem = ED_PUBLIC_PEM.replace("-----END PUBLIC KEY-----\n", "");

    assertThatThrownBy(() -> PublicKey.fromPem(pem))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("malformed PEM: expected \"-----END PUBLIC KEY-----\" at the end");
  }

  @Test
  void fromPem_malformedPemTwoBlocks_throws() {
    assertThatThrownBy(() -> PublicKey.fromPem(ED_PUBLIC_PEM + ED_PUBLIC_PEM))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("malformed PEM: more than one block");
  }

  @Test
  void fromPem_malformedPemNotPem_throws() {
    assertThatThrownBy(() -> PublicKey.fromPem("hello"))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("malformed PEM: expected \"-----BEGIN PUBLIC KEY-----\" at the start");
  }

  @Test
  void fromSpki_trailingByte_throws() {
    Bytes spki = PublicKey.fromPem(ED_PUBLIC_PEM).spki().concat(Bytes.fromHex("00"));

    assertThatThrownBy(() -> PublicKey.fromSpki(spki))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("public key: SubjectPublicKeyInfo: malformed DER: ");
  }

  @Test
  void fromSpki_truncated_throws() {
    Bytes spki = PublicKey.fromPem(ED_PUBLIC_PEM).spki();

    assertThatThrownBy(() -> PublicKey.fromSpki(spki.slice(0, spki.length() - 1)))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("public key: SubjectPublicKeyInfo: malformed DER: ");
  }

  @Test
  void sm2_pointNotOnCurve_throws() {
    Bytes point = PublicKey.fromPem(SM2_PUBLIC_PEM).spki();
    Bytes raw = point.slice(point.length() - 65, point.length());
    Bytes bad = SignaturesTest.flipBit(raw, 64);

    assertThatThrownBy(() -> PublicKey.sm2(bad))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("public key: SM2 public key is not ");
  }

  @Test
  void sm2_compressedPoint_throws() {
    assertThatThrownBy(() -> PublicKey.sm2(Bytes.fromHex("02" + "11".repeat(32))))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "public key: SM2 public key must be an uncompressed point (0x04 || X || Y, 65 bytes),"
                + " found 33 bytes");
  }

  @Test
  void ed25519_wrongLength_throws() {
    assertThatThrownBy(() -> PublicKey.ed25519(Bytes.fromHex("00".repeat(33))))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("public key: Ed25519 public key must be 32 bytes, found 33");
  }

  @Test
  void ed25519_notAPoint_throws() {
    // y = 2^256 - 1 is not a canonical field element (RFC 8032 section 5.1.3 step 1).
    assertThatThrownBy(() -> PublicKey.ed25519(Bytes.fromHex("ff".repeat(32))))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage("public key: Ed25519 public key is not a valid point");
  }

  @Test
  void fromPkcs8Pem_unsupportedKeyType_throws() {
    // The P-256 public key file is a PUBLIC KEY block, so rewrap its DER as PRIVATE KEY to reach
    // the algorithm check rather than the label check.
    String p256 = Resources.text("crypto/pem/unsupported_p256_public.pem");
    String relabelled = p256.replace("PUBLIC KEY", "PRIVATE KEY");

    assertThatThrownBy(() -> Signers.fromPkcs8Pem(relabelled, Sm2UserId.DEFAULT, null))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("private key: PKCS#8 PrivateKeyInfo: malformed DER: ");
  }

  /** Found by Jazzer (KeyFuzzTest#spki_jazzer): the message's toString of the curve threw. */
  @Test
  void fromSpki_curveParameterUtf8StringOfBadBytes_throwsNamingItsType() {
    Bytes spki =
        Bytes.fromBase64(
            "MFkwEwYHKoZIzj0CAQwIKoEcz1UBgi0DQgAEd8vEfN5CEjHfmN8DhtGshlZJeN3Cxir7xrB2FcOR+B3dtS7x"
                + "vKSmCrIHsVlynLNfpqBNCGp71y3zjPDqZtoCOg==");

    assertThatThrownBy(() -> PublicKey.fromSpki(spki))
        .isInstanceOf(KeyFormatException.class)
        .hasMessage(
            "public key: SubjectPublicKeyInfo: unsupported key type: EC curve of ASN.1 type"
                + " DERUTF8String (only sm2p256v1 1.2.156.10197.1.301)");
  }

  /** Found by Jazzer (KeyFuzzTest#pkcs8_jazzer): Bouncy Castle threw IllegalStateException. */
  @Test
  void fromPkcs8Pem_ecPrivateKeyMemberOfWrongType_throws() {
    String pem =
        Pem.encode(
            Signers.PKCS8_PEM_LABEL,
            Bytes.fromBase64(
                "MIGHAgEAMBMGByqGSM49AgEGCCqBHM9VAYItBG0wawIBAQQg4huKtEDnetsyOEEeyjJMpqi54kPRmu9U"
                    + "cRDK3PKi+yahRAZCAAR3y8R83kISMd+Y3wOG0ayGVknCeMb9KvvGsHYVw5H4Hd21LvELpKZKsgex"
                    + "WXKcs1+moE0IanvXLfOM8Opm2gI6"));

    assertThatThrownBy(
            () -> Signers.fromPkcs8Pem(pem, Sm2UserId.DEFAULT, new java.security.SecureRandom()))
        .isInstanceOf(KeyFormatException.class)
        .hasMessageStartingWith("private key: PKCS#8 ECPrivateKey: malformed DER: ");
  }
}
