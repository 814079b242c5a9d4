package org.examledger.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.junit.jupiter.api.Test;

class StatementTest {

  private static Statement withIssuedAt(Instant issuedAt) {
    Statement s = Fixtures.goldenStatement();
    return new Statement(
        s.type(), s.subject(), s.payload(), s.actorId(), s.keyId(), issuedAt, s.nonce());
  }

  private static String issuedAtText(Statement s) {
    return CanonicalJson.parse(s.canonicalBytes()).get("issuedAt").textValue();
  }

  @Test
  void canonicalBytes_wholeSeconds_writeThreeFractionDigits() {
    assertThat(issuedAtText(withIssuedAt(Instant.parse("2026-11-27T09:30:00Z"))))
        .isEqualTo("2026-11-27T09:30:00.000Z");
  }

  @Test
  void canonicalBytes_microseconds_writeSixFractionDigits() {
    assertThat(issuedAtText(withIssuedAt(Instant.parse("2026-11-27T09:30:00.000001Z"))))
        .isEqualTo("2026-11-27T09:30:00.000001Z");
  }

  @Test
  void canonicalBytes_nanoseconds_writeNineFractionDigits() {
    assertThat(issuedAtText(withIssuedAt(Instant.parse("2026-11-27T09:30:00.120000001Z"))))
        .isEqualTo("2026-11-27T09:30:00.120000001Z");
  }

  @Test
  void fromCanonical_ofCanonicalBytes_roundTripsEveryPrecision() {
    for (String t :
        new String[] {
          "0001-01-01T00:00:00Z", "2026-11-27T09:30:00.5Z", "9999-12-31T23:59:59.999999999Z"
        }) {
      Statement s = withIssuedAt(Instant.parse(t));

      assertThat(Statement.fromCanonical(s.canonicalBytes())).isEqualTo(s);
    }
  }

  @Test
  void constructor_yearBeyond9999_throws() {
    assertThatThrownBy(() -> withIssuedAt(Instant.parse("+10000-01-01T00:00:00Z")))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "statement member \"issuedAt\": expected a year 0000..9999 (RFC 3339 section 5.6),"
                + " found +10000-01-01T00:00:00Z");
  }

  @Test
  void constructor_emptyNonce_throws() {
    Statement s = Fixtures.goldenStatement();

    assertThatThrownBy(
            () ->
                new Statement(
                    s.type(), s.subject(), s.payload(), s.actorId(), s.keyId(), s.issuedAt(), ""))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("statement member \"nonce\": expected a non-empty string, found \"\"");
  }

  @Test
  void constructor_payloadWithNaN_throwsNamingPayload() {
    Statement s = Fixtures.goldenStatement();
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("score", Double.NaN);

    assertThatThrownBy(
            () ->
                new Statement(
                    s.type(), s.subject(), payload, s.actorId(), s.keyId(), s.issuedAt(), "n"))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "statement member \"payload\": number NaN at JSON Pointer \"/score\" has no JSON"
                + " representation: RFC 8785 section 3.2.2.3 requires an error for NaN and"
                + " Infinity");
  }

  @Test
  void payload_mutatingInputOrOutput_doesNotChangeStatement() {
    ObjectNode payload = JsonNodeFactory.instance.objectNode().put("score", 1);
    Statement s = Fixtures.goldenStatement();
    Statement statement =
        new Statement(s.type(), s.subject(), payload, s.actorId(), s.keyId(), s.issuedAt(), "n");
    Bytes before = statement.canonicalBytes();

    payload.put("score", 2);
    ((ObjectNode) statement.payload()).put("score", 3);

    assertThat(statement.canonicalBytes()).isEqualTo(before);
  }

  @Test
  void equals_payloadNumbersOfDifferentNodeTypes_equalWhenCanonicalBytesAre() {
    Statement s = Fixtures.goldenStatement();
    JsonNode asDouble = JsonNodeFactory.instance.objectNode().put("n", 100.0);
    JsonNode asInt = JsonNodeFactory.instance.objectNode().put("n", 100);

    Statement a =
        new Statement(s.type(), s.subject(), asDouble, s.actorId(), s.keyId(), s.issuedAt(), "n");
    Statement b =
        new Statement(s.type(), s.subject(), asInt, s.actorId(), s.keyId(), s.issuedAt(), "n");

    assertThat(a).isEqualTo(b);
    assertThat(a.canonicalBytes()).isEqualTo(b.canonicalBytes());
  }

  @Test
  void fromCanonical_keyIdNotHex_throwsNamingKeyId() {
    Bytes bytes =
        Bytes.utf8(
            Fixtures.goldenStatement()
                .canonicalBytes()
                .utf8String()
                .replace("\"keyId\":\"06e3", "\"keyId\":\"06E3"));

    assertThatThrownBy(() -> Statement.fromCanonical(bytes))
        .isInstanceOf(EnvelopeException.class)
        .hasMessageStartingWith(
            "statement member \"keyId\": key id must be 64 lowercase hex characters, found"
                + " \"06E3");
  }

  @Test
  void fromCanonical_memberOfWrongType_throwsNamingIt() {
    Bytes bytes =
        Bytes.utf8(
            Fixtures.goldenStatement()
                .canonicalBytes()
                .utf8String()
                .replace("\"nonce\":\"4f1c2a9e7b3d5f60\"", "\"nonce\":7"));

    assertThatThrownBy(() -> Statement.fromCanonical(bytes))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("statement member \"nonce\": expected a string, found NUMBER");
  }

  @Test
  void fromCanonical_missingVersion_throws() {
    Bytes bytes =
        Bytes.utf8(
            Fixtures.goldenStatement().canonicalBytes().utf8String().replace(",\"v\":1}", "}"));

    assertThatThrownBy(() -> Statement.fromCanonical(bytes))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("statement member \"v\" is missing");
  }

  @Test
  void fromCanonical_invalidDate_throws() {
    Bytes bytes =
        Bytes.utf8(
            Fixtures.goldenStatement()
                .canonicalBytes()
                .utf8String()
                .replace("2026-11-27T09:30:00.123Z", "2026-02-30T09:30:00.123Z"));

    assertThatThrownBy(() -> Statement.fromCanonical(bytes))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "statement member \"issuedAt\": \"2026-02-30T09:30:00.123Z\" is not a valid"
                + " date-time: Invalid date 'FEBRUARY 30'");
  }

  @Test
  void fromCanonical_notAnObject_throws() {
    assertThatThrownBy(() -> Statement.fromCanonical(Bytes.utf8("[]")))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage("statement: expected a JSON object, found ARRAY");
  }

  private static JsonNode nested(int levels) {
    StringBuilder json = new StringBuilder("{\"x\":");
    json.append("[".repeat(levels - 1)).append("]".repeat(levels - 1)).append('}');
    return CanonicalJson.parse(json.toString());
  }

  /** Found by EnvelopeFuzzTest: such a statement was signed, then refused by every verifier. */
  @Test
  void constructor_payloadAtCanonicalDepthLimit_throws() {
    Statement s = Fixtures.goldenStatement();

    assertThatThrownBy(
            () ->
                new Statement(
                    s.type(), s.subject(), nested(512), s.actorId(), s.keyId(), s.issuedAt(), "n"))
        .isInstanceOf(EnvelopeException.class)
        .hasMessage(
            "statement member \"payload\": nested more than 511 levels of arrays and objects;"
                + " with the statement around it that exceeds the canonical JSON limit of 512"
                + " levels");
  }

  @Test
  void signThenVerify_payloadOneBelowLimit_givesSameStatement() {
    Statement s = Fixtures.goldenStatement();
    Statement deep =
        new Statement(
            s.type(), s.subject(), nested(511), s.actorId(), s.keyId(), s.issuedAt(), "n");

    Statement verified =
        Envelopes.verify(
            Envelopes.sign(deep, Fixtures.TEST1),
            KeyResolver.of(
                java.util.List.of(
                    org.examledger.crypto.Verifiers.forKey(Fixtures.TEST1.publicKey(), null))));

    assertThat(verified).isEqualTo(deep);
  }
}
