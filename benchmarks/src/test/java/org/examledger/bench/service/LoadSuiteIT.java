package org.examledger.bench.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load suite's entry point on a tiny size against the application jar this build packaged, on
 * the real PostgreSQL server: it writes a result file with the machine, the settings and numbers of
 * accepted signed statements, and drops its database. No timing is asserted.
 */
class LoadSuiteIT {

  @Test
  void tinyLoadRunWritesItsResultFileAndDropsItsDatabase(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("load.json");
    int exit =
        BenchMain.run(
            new String[] {
              "load",
              "--out",
              out.toString(),
              "--jar",
              Path.of("..", "ledger-api", "target", "ledger.jar").toString(),
              "--clients",
              "2",
              "--candidates",
              "2",
              "--warmup",
              "0s",
              "--duration",
              "4s",
              "--baseline",
              "false",
              "--server-jvm",
              "-Xmx512m"
            });

    assertThat(exit).isZero();
    JsonNode result = new ObjectMapper().readTree(out.toFile());
    assertThat(result.get("suite").asText()).isEqualTo("load");
    assertThat(result.get("machine").get("cores").asInt()).isPositive();
    assertThat(result.get("settings").get("clients").asText()).isEqualTo("2");
    JsonNode signed = result.get("results").get("signed");
    assertThat(signed.get("acceptedStatements").asLong()).isPositive();
    assertThat(signed.get("refused").size()).as(signed.toString()).isZero();
    assertThat(signed.get("latency").get("all").get("count").asLong())
        .isEqualTo(signed.get("acceptedStatements").asLong());
    assertThat(signed.get("database").asText()).startsWith("bench_load_");
    assertThat(benchDatabases()).doesNotContain(signed.get("database").asText());
  }

  /** The names of bench_load_* databases left on the server. */
  private static String benchDatabases() throws Exception {
    StringBuilder names = new StringBuilder();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'bench_load_%'")) {
      while (r.next()) {
        names.append(r.getString(1)).append('\n');
      }
    }
    return names.toString();
  }
}
