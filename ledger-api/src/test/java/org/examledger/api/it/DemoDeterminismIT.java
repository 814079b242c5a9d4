package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo season, loaded twice into two fresh embedded ledgers, gives the same events (ids,
 * timestamps, payloads) and so the same Merkle root at the same tree size, signed by the same demo
 * log key.
 */
class DemoDeterminismIT {

  record Load(
      long events, long size, String root, List<String> firstEventIds, String note, String flags) {}

  @Test
  void theSeasonLoadedTwiceHasTheSameLedgerRoot(@TempDir Path first, @TempDir Path second) {
    Load a = load(first);
    Load b = load(second);
    assertThat(a.events()).isGreaterThan(1000);
    assertThat(b.events()).isEqualTo(a.events());
    assertThat(b.size()).isEqualTo(a.size());
    assertThat(b.firstEventIds()).isEqualTo(a.firstEventIds());
    assertThat(b.root()).isEqualTo(a.root());
    // the demo's fixed log key: the signed checkpoint is the same text, signature included
    assertThat(b.note()).isEqualTo(a.note());
    // and the same flags, identifiers included, judged at the same moment
    assertThat(a.flags()).contains("unsigned-change");
    assertThat(b.flags()).isEqualTo(a.flags());
  }

  private static Load load(Path dataDir) {
    Map<String, String> settings =
        Map.of(
            "ledger.data-dir", dataDir.toString(),
            "ledger.demo.enabled", "true",
            "ledger.demo.candidates", Integer.toString(DemoIT.CANDIDATES));
    try (LedgerNode node = LedgerNode.start(settings)) {
      JdbcTemplate jdbc = node.context().getBean(JdbcTemplate.class);
      long events = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
      // the sequencer catches up: sign a checkpoint over every event
      String[] note = new String[1];
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(2))
          .untilAsserted(
              () -> {
                note[0] = node.post("/api/v1/log/checkpoint", "").body();
                assertThat(Long.parseLong(note[0].split("\n")[1])).isEqualTo(events);
              });
      String[] lines = note[0].split("\n");
      List<String> ids =
          jdbc.queryForList(
              "select event_identifier from domain_event_entry order by global_index"
                  + " fetch first 5 rows only",
              String.class);
      String flags =
          node.get("/api/v1/flags?asOf=2026-12-31T00:00:00Z").json().get("flags").toString();
      return new Load(events, Long.parseLong(lines[1]), lines[2], ids, note[0], flags);
    }
  }
}
