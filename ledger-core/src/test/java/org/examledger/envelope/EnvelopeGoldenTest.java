package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifiers;
import org.junit.jupiter.api.Test;

/**
 * The golden files in envelope/golden: Ed25519 is deterministic (RFC 8032), so the TEST 1 envelope
 * is regenerated and compared byte for byte; SM2 signatures are randomized, so the SM2 golden must
 * verify and a fresh one must carry the same payload.
 */
class EnvelopeGoldenTest {

  @Test
  void canonicalBytes_goldenStatement_matchesGoldenFileByteForByte() {
    Bytes expected = Fixtures.read(Fixtures.GOLDEN + "ed25519-statement.json");

    assertThat(Fixtures.goldenStatement().canonicalBytes().utf8String())
        .isEqualTo(expected.utf8String());
    assertThat(Fixtures.goldenStatement().canonicalBytes()).isEqualTo(expected);
  }

  @Test
  void pae_goldenStatement_matchesGoldenHex() {
    String expectedHex =
        Fixtures.read(Fixtures.GOLDEN + "ed25519-statement.pae.hex").utf8String().strip();

    Bytes pae = Envelope.pae(Envelopes.PAYLOAD_TYPE, Fixtures.goldenStatement().canonicalBytes());

    assertThat(pae.hex()).isEqualTo(expectedHex);
  }

  @Test
  void sign_goldenStatementWithRfc8032Test1_matchesGoldenEnvelopeByteForByte() {
    String expected = Fixtures.read(Fixtures.GOLDEN + "ed25519-envelope.json").utf8String();

    Envelope envelope = Envelopes.sign(Fixtures.goldenStatement(), Fixtures.TEST1);

    assertThat(envelope.toJson()).isEqualTo(expected);
  }

  @Test
  void verify_goldenEd25519Envelope_returnsGoldenStatement() {
    Envelope envelope =
        Envelope.parse(Fixtures.read(Fixtures.GOLDEN + "ed25519-envelope.json").utf8String());

    Statement statement = Envelopes.verify(envelope, Fixtures.trusted());

    assertThat(statement).isEqualTo(Fixtures.goldenStatement());
  }

  @Test
  void goldenEd25519PublicKey_isRfc8032Test1Key() {
    PublicKey key =
        PublicKey.fromPem(Fixtures.read(Fixtures.GOLDEN + "ed25519-public-key.pem").utf8String());

    assertThat(key).isEqualTo(Fixtures.TEST1.publicKey());
    assertThat(key.rawEd25519().hex())
        .isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
  }

  @Test
  void verify_goldenSm2Envelope_returnsGoldenSm2Statement() {
    Envelope envelope =
        Envelope.parse(Fixtures.read(Fixtures.GOLDEN + "sm2-envelope.json").utf8String());
    KeyResolver onlyGoldenSm2Key =
        KeyResolver.of(List.of(Verifiers.forKey(Fixtures.goldenSm2Key(), Sm2UserId.DEFAULT)));

    Statement statement = Envelopes.verify(envelope, onlyGoldenSm2Key);

    assertThat(statement.canonicalBytes())
        .isEqualTo(Fixtures.read(Fixtures.GOLDEN + "sm2-statement.json"));
    assertThat(statement.keyId()).isEqualTo(Fixtures.goldenSm2Key().keyId());
  }

  @Test
  void sign_sm2Statement_freshEnvelopeVerifiesAndCarriesGoldenPayload() {
    Signer sm2 = Fixtures.sm2Signer();
    assertThat(sm2.publicKey()).isEqualTo(Fixtures.goldenSm2Key());
    Statement statement =
        Statement.fromCanonical(Fixtures.read(Fixtures.GOLDEN + "sm2-statement.json"));

    Envelope fresh = Envelopes.sign(statement, sm2);

    Envelope golden =
        Envelope.parse(Fixtures.read(Fixtures.GOLDEN + "sm2-envelope.json").utf8String());
    assertThat(fresh.payload()).isEqualTo(golden.payload());
    assertThat(Envelopes.verify(Envelope.parse(fresh.toJson()), Fixtures.trusted()))
        .isEqualTo(statement);
  }

  @Test
  void verify_sm2EnvelopeWithWrongUserId_throws() {
    Envelope envelope =
        Envelope.parse(Fixtures.read(Fixtures.GOLDEN + "sm2-envelope.json").utf8String());
    KeyResolver wrongId =
        KeyResolver.of(
            List.of(Verifiers.forKey(Fixtures.goldenSm2Key(), Sm2UserId.utf8("someone-else"))));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Envelopes.verify(envelope, wrongId))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageStartingWith(
            "signature with keyid "
                + Fixtures.goldenSm2Key().keyId()
                + " does not verify over PAE(payloadType, payload): ");
  }
}
