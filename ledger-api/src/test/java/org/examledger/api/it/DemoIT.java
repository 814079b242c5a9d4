package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./ledger demo}: the season is loaded through admission, every entry signed. */
class DemoIT {

  @Test
  void demoSeasonIsLoadedAsSignedStatementsOnce(@TempDir Path dataDir) {
    Map<String, String> settings =
        Map.of("ledger.data-dir", dataDir.toString(), "ledger.demo.enabled", "true");
    String sheet = "/api/v1/sessions/S-DEMO-2026-CNC-4/candidates/C-2026-0001/result-sheet";
    try (LedgerNode node = LedgerNode.start(settings)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(() -> assertThat(node.get(sheet).status()).isEqualTo(200));
      JsonNode components = node.get(sheet).json().get("components");
      assertThat(components.findValuesAsText("signed")).containsOnly("true");
      assertThat(components.findValuesAsText("recordedBy"))
          .containsExactly("examiner-07", "examiner-11");
      // the demo's complaints: examiner-11 suspended by a verified one, one still open
      await()
          .atMost(Duration.ofSeconds(20))
          .untilAsserted(
              () -> {
                JsonNode history = node.get("/api/v1/people/examiner-11/complaints").json();
                assertThat(history.get("standing").asText()).isEqualTo("SUSPENDED");
                assertThat(node.get("/api/v1/complaints").json().findValuesAsText("complaintId"))
                    .containsExactly("CPL-DEMO-0002");
              });
    }
    // a second start finds the session and sends nothing again (no replay refusal, no failure)
    try (LedgerNode node = LedgerNode.start(settings)) {
      assertThat(node.get(sheet).status()).isEqualTo(200);
    }
  }
}
