package org.examledger.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.merkle.Hash;
import org.junit.jupiter.api.Test;

class LeafEncodingTest {

  static final StoredEvent GOLDEN =
      new StoredEvent(
          "6b0c7d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f",
          "ExamSession",
          "S-1",
          2,
          "org.examledger.exam.ScoreRecordedEvent",
          "1",
          "2026-06-01T01:30:00.123Z",
          resource("golden-payload.json"),
          resource("golden-metadata.json"));

  @Test
  void leafInput_goldenEvent_matchesGoldenFile() {
    assertThat(LeafEncoding.leafInput(GOLDEN).utf8String())
        .isEqualTo(resource("golden-leaf-input.json").utf8String());
  }

  @Test
  void leafHash_goldenEvent_matchesGoldenHash() {
    Hash expected = Hash.fromHex(resource("golden-leaf-hash.hex").utf8String().strip());
    assertThat(LeafEncoding.leafHash(GOLDEN)).isEqualTo(expected);
  }

  @Test
  void leafInput_isCanonicalJson() {
    Bytes input = LeafEncoding.leafInput(GOLDEN);
    assertThat(CanonicalJson.canonicalize(CanonicalJson.parseCanonical(input))).isEqualTo(input);
  }

  @Test
  void leafHash_reformattedPayload_unchanged() {
    String pretty =
        "{ \"score\" : 35.50,\n \"sessionId\":\"S-1\", \"candidateId\":\"C-1\","
            + " \"componentId\":\"theory\", \"provenance\": {\"envelope\":null,"
            + " \"submitterId\":\"unauthenticated\", \"actorId\":\"examiner-07\","
            + " \"receivedAt\":\"2026-06-01T01:30:00Z\"} }";
    assertThat(LeafEncoding.leafHash(withPayload(Bytes.utf8(pretty))))
        .isEqualTo(LeafEncoding.leafHash(GOLDEN));
  }

  @Test
  void leafHash_oneChangedPayloadByte_differs() {
    String payload = GOLDEN.payload().utf8String();
    assertThat(payload).contains("\"score\":35.5");
    StoredEvent tampered = withPayload(Bytes.utf8(payload.replace("35.5", "36.5")));
    assertThat(LeafEncoding.leafHash(tampered)).isNotEqualTo(LeafEncoding.leafHash(GOLDEN));
  }

  @Test
  void leafHash_changedSubmitter_differs() {
    String payload = GOLDEN.payload().utf8String();
    StoredEvent tampered =
        withPayload(Bytes.utf8(payload.replace("unauthenticated", "unauthenticatee")));
    assertThat(LeafEncoding.leafHash(tampered)).isNotEqualTo(LeafEncoding.leafHash(GOLDEN));
  }

  @Test
  void leafHash_changedSequenceNumber_differs() {
    StoredEvent other =
        new StoredEvent(
            GOLDEN.eventIdentifier(),
            GOLDEN.aggregateType(),
            GOLDEN.aggregateIdentifier(),
            3,
            GOLDEN.payloadType(),
            GOLDEN.payloadRevision(),
            GOLDEN.timestamp(),
            GOLDEN.payload(),
            GOLDEN.metaData());
    assertThat(LeafEncoding.leafHash(other)).isNotEqualTo(LeafEncoding.leafHash(GOLDEN));
  }

  @Test
  void leafInput_largeSequenceNumber_keptExactAsString() {
    StoredEvent big =
        new StoredEvent(
            "e",
            null,
            "a",
            Long.MAX_VALUE,
            "t",
            null,
            "2026-06-01T00:00:00Z",
            Bytes.utf8("{}"),
            null);
    assertThat(LeafEncoding.leafInput(big).utf8String())
        .isEqualTo(
            "{\"aggregateId\":\"a\",\"aggregateType\":null,\"eventId\":\"e\",\"metaData\":null,"
                + "\"payload\":{},\"payloadRevision\":null,\"payloadType\":\"t\","
                + "\"sequenceNumber\":\"9223372036854775807\","
                + "\"timestamp\":\"2026-06-01T00:00:00Z\",\"v\":1}");
  }

  @Test
  void leafInput_payloadNotJson_throwsNamingTheEvent() {
    StoredEvent broken = withPayload(Bytes.utf8("{\"score\":35.5"));
    assertThatThrownBy(() -> LeafEncoding.leafInput(broken))
        .isInstanceOf(LeafEncodingException.class)
        .hasMessageStartingWith(
            "event 6b0c7d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f: stored payload is not I-JSON: ");
  }

  @Test
  void leafInput_metaDataDuplicateKey_throwsNamingTheColumn() {
    StoredEvent broken =
        new StoredEvent(
            "ev-9",
            "ExamSession",
            "S-1",
            0,
            "t",
            null,
            "2026-06-01T00:00:00Z",
            Bytes.utf8("{}"),
            Bytes.utf8("{\"a\":1,\"a\":2}"));
    assertThatThrownBy(() -> LeafEncoding.leafInput(broken))
        .isInstanceOf(LeafEncodingException.class)
        .hasMessageStartingWith("event ev-9: stored metaData is not I-JSON: ")
        .hasMessageContaining("duplicate");
  }

  private static StoredEvent withPayload(Bytes payload) {
    return new StoredEvent(
        GOLDEN.eventIdentifier(),
        GOLDEN.aggregateType(),
        GOLDEN.aggregateIdentifier(),
        GOLDEN.sequenceNumber(),
        GOLDEN.payloadType(),
        GOLDEN.payloadRevision(),
        GOLDEN.timestamp(),
        payload,
        GOLDEN.metaData());
  }

  private static Bytes resource(String name) {
    try (InputStream in = LeafEncodingTest.class.getResourceAsStream("/ledger/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /ledger/" + name);
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
