package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** DSSE JSON parsing and the checks of Envelopes.sign and verify that need no file. */
class EnvelopeTest {

  private static final String GOLDEN_JSON =
      Fixtures.read(Fixtures.GOLDEN + "ed25519-envelope.json").utf8String();

  @Test
  void parse_urlSafeBase64_acceptedAsDsseRequires() {
    Envelope golden = Envelope.parse(GOLDEN_JSON);
    String standardSig = golden.signatures().get(0).sig().base64();
    String urlSafeSig = standardSig.replace('+', '-').replace('/', '_');
    assertThat(urlSafeSig).isNotEqualTo(standardSig);

    Envelope parsed = Envelope.parse(GOLDEN_JSON.replace(standardSig, urlSafeSig));

    assertThat(parsed).isEqualTo(golden);
  }

  @Test
  void parse_unknownMembers_ignoredAsDsseRequires() {
    String withExtras =
        GOLDEN_JSON
            .replaceFirst("\\{", "{\"comment\":\"x\",")
            .replace("\"sig\":", "\"extra\":[1],\"sig\":");

    assertThat(Envelope.parse(withExtras)).isEqualTo(Envelope.parse(GOLDEN_JSON));
  }

  @Test
  void parse_mixedBase64Alphabets_throws() {
    assertThatThrownBy(
            () -> Envelope.parse("{\"payload\":\"a+b_\",\"payloadType\":\"t\",\"signatures\":[]}"))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "envelope member \"payload\": expected base64 (RFC 4648 section 4 or 5), found"
                + " \"a+b_\": Illegal base64 character 2b");
  }

  @Test
  void parse_signatureWithoutKeyid_throws() {
    assertThatThrownBy(
            () ->
                Envelope.parse(
                    "{\"payload\":\"e30=\",\"payloadType\":\"t\",\"signatures\":[{\"sig\":\"AA==\"}]}"))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("envelope member \"signatures[0].keyid\" is missing");
  }

  @Test
  void parse_payloadTypeNotString_throws() {
    assertThatThrownBy(
            () -> Envelope.parse("{\"payload\":\"e30=\",\"payloadType\":1,\"signatures\":[]}"))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("envelope member \"payloadType\": expected a string, found NUMBER");
  }

  @Test
  void parse_trailingBitsInBase64_throws() {
    // "e31=" decodes to the same bytes as "e30=" with non-zero unused bits: not canonical.
    assertThatThrownBy(
            () -> Envelope.parse("{\"payload\":\"e31=\",\"payloadType\":\"t\",\"signatures\":[]}"))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "envelope member \"payload\": expected canonical padded base64, which differs at"
                + " character 2: expected \"0=\", found \"1=\"");
  }

  @Test
  void toJson_parse_roundTrips() {
    Envelope envelope = Envelopes.sign(Fixtures.goldenStatement(), Fixtures.TEST1);

    assertThat(Envelope.parse(envelope.toJson())).isEqualTo(envelope);
  }

  @Test
  void sign_statementNamingAnotherKey_throws() {
    assertThatThrownBy(() -> Envelopes.sign(Fixtures.goldenStatement(), Fixtures.TEST2))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "statement keyId 06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9"
                + " does not match the signer's key"
                + " deb2ded39dc26fce0e6085b6fc34bf6b5941913bbfe2ea614113cff9e004c170");
  }

  @Test
  void verify_twoSignatures_throws() {
    Envelope one = Envelopes.sign(Fixtures.goldenStatement(), Fixtures.TEST1);
    EnvelopeSignature sig = one.signatures().get(0);
    Envelope two = new Envelope(one.payloadType(), one.payload(), List.of(sig, sig));

    assertThatThrownBy(() -> Envelopes.verify(two, Fixtures.trusted()))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("too many signatures: expected exactly 1, found 2");
  }

  @Test
  void verify_resolverReturningAnotherKey_throws() {
    Envelope envelope = Envelopes.sign(Fixtures.goldenStatement(), Fixtures.TEST1);
    KeyResolver wrong =
        keyId -> org.examledger.crypto.Verifiers.forKey(Fixtures.TEST2.publicKey(), null);

    assertThatThrownBy(() -> Envelopes.verify(envelope, wrong))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "key resolver returned key"
                + " deb2ded39dc26fce0e6085b6fc34bf6b5941913bbfe2ea614113cff9e004c170 for keyid"
                + " 06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9");
  }

  @Test
  void verify_signatureOverPayloadWithoutPae_throws() {
    // A signature over the bare payload (not DSSE PAE) must not verify.
    Statement statement = Fixtures.goldenStatement();
    Bytes bare = Fixtures.TEST1.sign(statement.canonicalBytes());
    Envelope envelope =
        new Envelope(
            Envelopes.PAYLOAD_TYPE,
            statement.canonicalBytes(),
            List.of(new EnvelopeSignature(statement.keyId(), bare)));

    assertThatThrownBy(() -> Envelopes.verify(envelope, Fixtures.trusted()))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageStartingWith("signature with keyid " + statement.keyId() + " does not verify");
  }

  @Test
  void verify_truncatedSignature_throwsWithLength() {
    Envelope good = Envelopes.sign(Fixtures.goldenStatement(), Fixtures.TEST1);
    EnvelopeSignature sig = good.signatures().get(0);
    Envelope truncated =
        new Envelope(
            good.payloadType(),
            good.payload(),
            List.of(new EnvelopeSignature(sig.keyId(), sig.sig().slice(0, 63))));

    assertThatThrownBy(() -> Envelopes.verify(truncated, Fixtures.trusted()))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "signature with keyid "
                + sig.keyId()
                + " does not verify over PAE(payloadType, payload): ED25519 signature by key "
                + sig.keyId()
                + ": wrong length: expected 64 bytes, found 63");
  }

  @Test
  void verify_sm2SignatureNotDer_throws() {
    Statement golden = Fixtures.goldenStatement();
    org.examledger.crypto.Signer sm2 = Fixtures.sm2Signer();
    Statement statement =
        new Statement(
            golden.type(),
            golden.subject(),
            golden.payload(),
            golden.actorId(),
            sm2.publicKey().keyId(),
            golden.issuedAt(),
            golden.nonce());
    Envelope good = Envelopes.sign(statement, sm2);
    Envelope garbage =
        new Envelope(
            good.payloadType(),
            good.payload(),
            List.of(new EnvelopeSignature(statement.keyId(), Bytes.fromHex("3003020101"))));

    assertThat(Envelopes.verify(good, Fixtures.trusted())).isEqualTo(statement);
    assertThatThrownBy(() -> Envelopes.verify(garbage, Fixtures.trusted()))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageStartingWith(
            "signature with keyid "
                + statement.keyId()
                + " does not verify over PAE(payloadType, payload): ");
  }
}
