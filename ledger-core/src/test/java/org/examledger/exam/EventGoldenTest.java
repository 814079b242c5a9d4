package org.examledger.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.examledger.canonical.CanonicalJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every event revision has a golden canonical JSON (src/test/resources/exam/golden/NAME.vN.json):
 * the shape the event store holds. Changing an event's fields without a new revision and an
 * upcaster fails here; old goldens must keep deserialising.
 */
class EventGoldenTest {

  /** Configured like the service's ObjectMapper (Spring Boot defaults + ISO dates). */
  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static Stream<Object> events() {
    return EventSamples.all().stream();
  }

  @Test
  void everyEventRecordHasASample() throws Exception {
    Set<Class<?>> sampled =
        EventSamples.all().stream().map(Object::getClass).collect(Collectors.toSet());
    assertThat(sampled).containsExactlyInAnyOrderElementsOf(EventCatalogue.eventClasses());
  }

  @ParameterizedTest
  @MethodSource("events")
  void eventMatchesGoldenCanonicalJsonOfItsRevision(Object event) throws IOException {
    String name = golden(event);
    String expected = read(name);
    String actual = CanonicalJson.canonicalize(MAPPER.valueToTree(event)).utf8String();
    if (expected == null && Boolean.getBoolean("golden.write")) {
      Files.writeString(
          Path.of("src/test/resources/exam/golden", name), actual, StandardCharsets.UTF_8);
      expected = actual;
    }
    assertThat(expected).as("golden file exam/golden/" + name).isNotNull();
    assertThat(actual).isEqualTo(expected);
    assertThat(MAPPER.readValue(expected, event.getClass())).isEqualTo(event);
  }

  private static String golden(Object event) {
    Revision revision = event.getClass().getAnnotation(Revision.class);
    assertThat(revision).as(event.getClass().getSimpleName() + " carries @Revision").isNotNull();
    return event.getClass().getSimpleName() + ".v" + revision.value() + ".json";
  }

  private static String read(String name) throws IOException {
    try (InputStream in = EventGoldenTest.class.getResourceAsStream("/exam/golden/" + name)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
