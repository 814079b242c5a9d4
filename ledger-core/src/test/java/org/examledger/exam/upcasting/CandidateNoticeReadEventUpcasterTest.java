package org.examledger.exam.upcasting;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.examledger.bytes.Bytes;
import org.examledger.exam.CandidateNoticeReadEvent;
import org.examledger.exam.NoticeReadingMethod;
import org.examledger.exam.Provenance;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;

/**
 * Golden files in src/test/resources/upcasting (README there): a revision-1 {@link
 * CandidateNoticeReadEvent} as the event table stores it is shown to handlers in the revision-2
 * form, while its leaf stays the hash of the stored bytes.
 */
class CandidateNoticeReadEventUpcasterTest {

  /** Configured like the service's ObjectMapper (Spring Boot defaults + ISO dates). */
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private static final String EVENT_ID = "7d1f0c4e-5b2a-4c3d-9e8f-0a1b2c3d4e5f";
  private static final String TIMESTAMP = "2026-06-13T01:00:00.250Z";
  private static final String TYPE = CandidateNoticeReadEvent.class.getName();

  private static String golden(String name) throws IOException {
    try (InputStream in =
        CandidateNoticeReadEventUpcasterTest.class.getResourceAsStream("/upcasting/" + name)) {
      assertThat(in).as("golden file upcasting/" + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The stored row of the golden event with this payload and revision. */
  private static StoredEvent row(String payload, String revision) throws IOException {
    return new StoredEvent(
        EVENT_ID,
        "ExamSession",
        "S-UPCAST",
        5,
        TYPE,
        revision,
        TIMESTAMP,
        Bytes.utf8(payload),
        Bytes.utf8(golden("CandidateNoticeReadEvent.v1.stored-metadata.json")));
  }

  /** Runs the ledger's upcaster chain over one stored entry, as the storage engine does. */
  private static List<IntermediateEventRepresentation> upcast(String payload, String revision)
      throws IOException {
    JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(MAPPER).build();
    GenericDomainEventEntry<byte[]> entry =
        new GenericDomainEventEntry<>(
            "ExamSession",
            "S-UPCAST",
            5,
            EVENT_ID,
            Instant.parse(TIMESTAMP),
            TYPE,
            revision,
            payload.getBytes(StandardCharsets.UTF_8),
            golden("CandidateNoticeReadEvent.v1.stored-metadata.json")
                .getBytes(StandardCharsets.UTF_8));
    return LedgerUpcasters.chain()
        .upcast(Stream.of(new InitialEventRepresentation(entry, serializer)))
        .toList();
  }

  @Test
  void upcast_revision1StoredBytes_givesTheRevision2Form() throws IOException {
    List<IntermediateEventRepresentation> out =
        upcast(golden("CandidateNoticeReadEvent.v1.stored-payload.json"), "1");

    assertThat(out).hasSize(1);
    SerializedType type = out.get(0).getType();
    assertThat(type).isEqualTo(new SimpleSerializedType(TYPE, "2"));
    JsonNode payload = out.get(0).getData(JsonNode.class).getData();
    String expected = golden("CandidateNoticeReadEvent.v2.upcast-payload.json");
    assertThat(MAPPER.writeValueAsString(payload)).isEqualTo(expected);
  }

  @Test
  void upcastForm_isWhatRevision2StoresAndDeserialisesForHandlers() throws IOException {
    String expected = golden("CandidateNoticeReadEvent.v2.upcast-payload.json");
    CandidateNoticeReadEvent event = MAPPER.readValue(expected, CandidateNoticeReadEvent.class);

    assertThat(event)
        .isEqualTo(
            new CandidateNoticeReadEvent(
                "S-UPCAST",
                "R101",
                NoticeReadingMethod.READ_ALOUD,
                new Provenance(
                    "proctor-03", "proctor-03", Instant.parse("2026-06-13T01:00:00Z"), null)));
    assertThat(MAPPER.writeValueAsString(event)).isEqualTo(expected);
  }

  @Test
  void leafOfTheStoredRevision1Row_isTheGoldenHashOfTheStoredBytes() throws IOException {
    StoredEvent stored = row(golden("CandidateNoticeReadEvent.v1.stored-payload.json"), "1");

    assertThat(LeafEncoding.leafInput(stored).utf8String())
        .isEqualTo(golden("CandidateNoticeReadEvent.v1.leaf-input.json"));
    assertThat(LeafEncoding.leafHash(stored).hex())
        .isEqualTo(golden("CandidateNoticeReadEvent.v1.leaf-hash.hex").strip());
  }

  @Test
  void leafOfTheUpcastForm_differs_soTheLeafCoversOnlyWhatWasStored() throws IOException {
    String storedHash =
        LeafEncoding.leafHash(row(golden("CandidateNoticeReadEvent.v1.stored-payload.json"), "1"))
            .hex();
    String upcastHash =
        LeafEncoding.leafHash(row(golden("CandidateNoticeReadEvent.v2.upcast-payload.json"), "2"))
            .hex();

    assertThat(upcastHash).isNotEqualTo(storedHash);
    assertThat(storedHash).isEqualTo(golden("CandidateNoticeReadEvent.v1.leaf-hash.hex").strip());
  }

  @Test
  void upcast_revision2Event_passesUnchanged() throws IOException {
    String revision2 = golden("CandidateNoticeReadEvent.v2.upcast-payload.json");

    List<IntermediateEventRepresentation> out = upcast(revision2, "2");

    assertThat(out.get(0).getType()).isEqualTo(new SimpleSerializedType(TYPE, "2"));
    assertThat(MAPPER.writeValueAsString(out.get(0).getData(JsonNode.class).getData()))
        .isEqualTo(revision2);
  }

  @Test
  void upcast_revision1WithoutRoom_stillGainsTheMethod() {
    JsonNode upcast =
        CandidateNoticeReadEventUpcaster.revision2(MAPPER.createObjectNode().put("sessionId", "S"));

    assertThat(upcast.toString()).isEqualTo("{\"sessionId\":\"S\",\"method\":\"READ_ALOUD\"}");
  }
}
