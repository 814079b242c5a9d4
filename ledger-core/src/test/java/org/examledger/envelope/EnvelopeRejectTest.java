package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One envelope per rule under envelope/reject (how each was made: README.md there), each rejected
 * by {@code Envelopes.verify(Envelope.parse(json), trusted)} with exactly the message below.
 */
class EnvelopeRejectTest {

  private static final String DIR = "/envelope/reject/";

  private static final String TEST1_KEYID =
      "06e3fd8fda29bb60ab59557de61edb0aecdb231134be30e75b455f8e1b792fa9";
  private static final String TEST2_KEYID =
      "deb2ded39dc26fce0e6085b6fc34bf6b5941913bbfe2ea614113cff9e004c170";
  private static final String TEST3_KEYID =
      "8d39ba50abe50f77b6bb8ae7b6927aff7ffbeba35ad2837c0e51e82bcbcc60d5";
  private static final String BAD_SIGNATURE_BY_TEST1 =
      "signature with keyid "
          + TEST1_KEYID
          + " does not verify over PAE(payloadType, payload): ED25519 signature by key "
          + TEST1_KEYID
          + ": not verified";

  static final Map<String, String> EXPECTED =
      Map.ofEntries(
          Map.entry(
              "badBase64Payload",
              "envelope member \"payload\": expected base64 (RFC 4648 section 4 or 5), found"
                  + " \"eyJ!Y3RvciI6ImV4YW1pbmVyOmUtMDE3IiwiaXNzdWVkQXQi...\": Illegal base64"
                  + " character 21"),
          Map.entry(
              "duplicatePayloadMember",
              "envelope is not I-JSON: duplicate member name \"payload\" at offset 18 in the"
                  + " object at JSON Pointer \"\" (starting at offset 0): I-JSON (RFC 7493 section"
                  + " 2.3) requires unique names"),
          Map.entry("flippedPayloadBit", BAD_SIGNATURE_BY_TEST1),
          Map.entry("flippedSignatureBit", BAD_SIGNATURE_BY_TEST1),
          Map.entry(
              "issuedAtNotShortestFraction",
              "statement member \"issuedAt\": expected the shortest of 3, 6 or 9 fraction digits"
                  + " \"2026-11-27T09:30:00.123Z\", found \"2026-11-27T09:30:00.123000Z\""),
          Map.entry(
              "issuedAtNotUtc",
              "statement member \"issuedAt\": expected RFC 3339 UTC date-time"
                  + " YYYY-MM-DDThh:mm:ss.fffZ (3, 6 or 9 fraction digits), found"
                  + " \"2026-11-27T10:30:00.123+01:00\""),
          Map.entry(
              "keyidMismatch",
              "keyid mismatch: the signature's keyid is "
                  + TEST2_KEYID
                  + " but the statement's keyId is "
                  + TEST1_KEYID),
          Map.entry("missingSignature", "missing signature: expected exactly 1, found 0"),
          Map.entry("missingSignaturesMember", "envelope member \"signatures\" is missing"),
          Map.entry(
              "payloadNotObject",
              "statement member \"payload\": expected a JSON object, found ARRAY"),
          Map.entry(
              "payloadReorderedKeys",
              "statement is not canonical JSON: not in RFC 8785 canonical form: first difference"
                  + " at byte 2: expected \"actor\":\"examiner:e-017\",...\", found"
                  + " \"v\":1,\"actor\":\"examiner:e...\""),
          Map.entry("signedByDifferentKey", BAD_SIGNATURE_BY_TEST1),
          Map.entry("statementMissingNonce", "statement member \"nonce\" is missing"),
          Map.entry(
              "statementUnexpectedMember",
              "statement has unexpected member \"comment\": expected only v, type, subject,"
                  + " payload, actor, keyId, issuedAt, nonce"),
          Map.entry("statementVersion2", "statement member \"v\": expected 1, found 2"),
          Map.entry(
              "unknownKey",
              "unknown key: no trusted key has keyid " + TEST3_KEYID + " (3 trusted)"),
          Map.entry(
              "unpaddedBase64Payload",
              "envelope member \"payload\": expected canonical padded base64, which differs at"
                  + " character 466: expected \"==\", found end of text"),
          Map.entry(
              "wrongPayloadType",
              "unsupported payloadType: expected \"application/vnd.examledger.statement+json\","
                  + " found \"application/json\""));

  static Iterable<String> rules() {
    return new TreeSet<>(EXPECTED.keySet());
  }

  @ParameterizedTest
  @MethodSource("rules")
  void verify_envelopeBreakingRule_throwsWithExactMessage(String rule) {
    String json = Fixtures.read(DIR + rule + ".json").utf8String();

    assertThatThrownBy(() -> Envelopes.verify(Envelope.parse(json), Fixtures.trusted()))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(EXPECTED.get(rule));
  }

  @Test
  void rejectDirectory_everyFileHasExactlyOneExpectedMessage() throws URISyntaxException {
    File dir = new File(EnvelopeRejectTest.class.getResource(DIR).toURI());
    TreeSet<String> files =
        Arrays.stream(dir.list())
            .filter(name -> name.endsWith(".json"))
            .map(name -> name.replaceFirst("\\.json$", ""))
            .collect(Collectors.toCollection(TreeSet::new));

    assertThat(files).isEqualTo(new TreeSet<>(EXPECTED.keySet()));
  }
}
