package org.examledger.exam;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/events.md is exactly what the event records say. */
class EventCatalogueTest {

  private static final Path CATALOGUE = Path.of("..", "docs", "events.md");

  @Test
  void docsEventCatalogueMatchesTheEventRecords() throws IOException {
    String generated = EventCatalogue.markdown();
    if (Boolean.getBoolean("golden.write")) {
      Files.writeString(CATALOGUE, generated, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(CATALOGUE, StandardCharsets.UTF_8))
        .as("docs/events.md is stale; regenerate it (see its first paragraph)")
        .isEqualTo(generated);
  }

  @Test
  void catalogueListsEveryEventWithItsRevision() {
    assertThat(EventCatalogue.eventClasses()).hasSize(37);
    assertThat(EventCatalogue.markdown())
        .contains("| `ScoreCorrectedEvent` | 1 | ")
        .contains("`reason`: CorrectionReason");
  }
}
