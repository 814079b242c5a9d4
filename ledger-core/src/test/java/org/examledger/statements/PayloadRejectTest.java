package org.examledger.statements;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.examledger.canonical.CanonicalJson;
import org.junit.jupiter.api.Test;

/** Payloads that do not fit their type are refused with the member named and the exact reason. */
class PayloadRejectTest {

  private static JsonNode json(String text) {
    return CanonicalJson.parse(text);
  }

  @Test
  void read_missingMember_throws() {
    assertThatThrownBy(
            () -> RecordScorePayload.read(json("{\"candidateId\":\"C-1\",\"score\":\"1\"}")))
        .isInstanceOf(StatementPayloadException.class)
        .hasMessage("payload.componentId is missing")
        .extracting(e -> ((StatementPayloadException) e).field())
        .isEqualTo("payload.componentId");
  }

  @Test
  void read_unexpectedMember_throws() {
    assertThatThrownBy(
            () -> RegisterCandidatePayload.read(json("{\"candidateId\":\"C-1\",\"actor\":\"x\"}")))
        .isInstanceOf(StatementPayloadException.class)
        .hasMessage(
            "payload.actor is not a member of this payload; expected only candidateId, room,"
                + " eligibility, documents");
  }

  @Test
  void read_scoreAsNumber_throws() {
    assertThatThrownBy(
            () ->
                RecordScorePayload.read(
                    json("{\"candidateId\":\"C-1\",\"componentId\":\"t\",\"score\":48.5}")))
        .hasMessage("payload.score: expected a decimal as a string, e.g. \"48.5\", found 48.5");
  }

  @Test
  void read_scoreInExponentForm_throws() {
    assertThatThrownBy(
            () ->
                RecordScorePayload.read(
                    json("{\"candidateId\":\"C-1\",\"componentId\":\"t\",\"score\":\"4.85e1\"}")))
        .hasMessage(
            "payload.score: expected a decimal as a string, e.g. \"48.5\", found \"4.85e1\"");
  }

  @Test
  void read_unknownExamType_throws() {
    assertThatThrownBy(
            () ->
                ScheduleSessionPayload.read(
                    json(
                        "{\"occupation\":\"o\",\"level\":4,\"examType\":\"ORAL\",\"passMark\":\"1\","
                            + "\"components\":[],\"rooms\":[],\"startsAt\":\"2026-06-01T01:00:00Z\","
                            + "\"endsAt\":\"2026-06-01T02:00:00Z\"}")))
        .hasMessage(
            "payload.examType: expected one of [NATIONAL_UNIFIED, REGULAR, HIGH_TECH], found"
                + " \"ORAL\"");
  }

  @Test
  void read_componentMissingMaxScore_throwsNamingTheIndex() {
    assertThatThrownBy(
            () ->
                ScheduleSessionPayload.read(
                    json(
                        "{\"occupation\":\"o\",\"level\":4,\"examType\":\"REGULAR\",\"passMark\":\"1\","
                            + "\"components\":[{\"componentId\":\"a\",\"name\":\"A\"}],\"rooms\":[],"
                            + "\"startsAt\":\"2026-06-01T01:00:00Z\","
                            + "\"endsAt\":\"2026-06-01T02:00:00Z\"}")))
        .hasMessage("payload.components[0].maxScore is missing");
  }

  @Test
  void read_timeWithOffset_throws() {
    assertThatThrownBy(
            () ->
                RevokeKeyPayload.read(
                    json("{\"revokedAt\":\"2026-06-01T01:00:00+08:00\",\"reason\":\"r\"}")))
        .hasMessage(
            "payload.revokedAt: expected an RFC 3339 UTC date-time, e.g. \"2026-06-01T01:00:00Z\","
                + " found \"2026-06-01T01:00:00+08:00\"");
  }

  @Test
  void read_publicKeyNotSpki_throws() {
    assertThatThrownBy(
            () ->
                RegisterKeyPayload.read(
                    json(
                        "{\"owner\":\"a\",\"role\":\"EXAMINER\",\"publicKey\":\"AAAA\","
                            + "\"validFrom\":\"2026-06-01T01:00:00Z\"}")))
        .isInstanceOf(StatementPayloadException.class)
        .hasMessageStartingWith(
            "payload.publicKey: expected a base64 DER SubjectPublicKeyInfo of an Ed25519 or SM2"
                + " key: ");
  }

  @Test
  void readUnsigned_withKeyId_throws() {
    assertThatThrownBy(
            () ->
                UnsignedStatement.read(
                    json(
                        "{\"v\":1,\"type\":\"t\",\"subject\":\"s\",\"payload\":{},\"actor\":\"a\","
                            + "\"issuedAt\":\"2026-06-01T01:00:00Z\",\"nonce\":\"n\","
                            + "\"keyId\":\"k\"}")))
        .hasMessage(
            "statement.keyId is not a member of this payload; expected only v, type, subject,"
                + " payload, actor, issuedAt, nonce");
  }
}
