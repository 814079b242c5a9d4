package org.examledger.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verify suite on a tiny ledger written in three stages against the application jar this build
 * packaged: the result file has one memory entry per stage, each for a larger ledger that the
 * verifier found intact, with the server's and the verifier's memory. No timing is asserted.
 */
class VerifySuiteIT {

  @Test
  void tinyVerifyRunRecordsMemoryAtEachLedgerSize(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("verify.json");
    int exit =
        BenchMain.run(
            new String[] {
              "verify",
              "--out",
              out.toString(),
              "--jar",
              Path.of("..", "ledger-api", "target", "ledger.jar").toString(),
              "--events",
              "150",
              "--memory-at",
              "50,100",
              "--clients",
              "2",
              "--raw-duration",
              "1s",
              "--server-jvm",
              "-Xmx512m",
              "--verifier-jvm",
              "-Xmx256m"
            });

    assertThat(exit).isZero();
    JsonNode results = new ObjectMapper().readTree(out.toFile()).get("results");
    JsonNode memory = results.get("memory");
    assertThat(memory).hasSize(3);
    long previous = 0;
    for (JsonNode m : memory) {
      long events = m.get("storedEvents").asLong();
      assertThat(events).as(m.toString()).isGreaterThan(previous);
      assertThat(m.get("verifierEvents").asLong()).isEqualTo(events);
      assertThat(m.get("serverResidentBytes").asLong()).isPositive();
      assertThat(m.get("serverHeapUsedAfterFullGcBytes").asLong()).isPositive();
      assertThat(m.get("verifierPeakResidentBytes").asLong()).isPositive();
      previous = events;
    }
    assertThat(memory.get(2).get("statementsWritten").asLong()).isGreaterThanOrEqualTo(150);
    assertThat(results.get("verifier").get("events").asLong()).isEqualTo(previous);
  }
}
