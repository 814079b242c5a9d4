package org.examledger.bench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load suite's entry point on a tiny size against the application jar this build packaged, on
 * the real PostgreSQL server: it writes a result file with the machine, the settings and numbers of
 * accepted signed statements, and drops its database and deletes the server's data folder. No
 * timing is asserted.
 */
class LoadSuiteIT {

  @Test
  void tinyLoadRunWritesItsResultFileAndLeavesNothingBehind(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("load.json");
    int exit = tinyLoad(out, "--candidates", "2", "--baseline", "false");

    assertThat(exit).isZero();
    JsonNode result = new ObjectMapper().readTree(out.toFile());
    assertThat(result.get("suite").asText()).isEqualTo("load");
    assertThat(result.get("machine").get("cores").asInt()).isPositive();
    // the PostgreSQL server's settings, read from the server the run used
    assertThat(result.get("database").get("autovacuum").asText()).isIn("on", "off");
    assertThat(result.get("database").get("fsync").asText()).isIn("on", "off");
    assertThat(result.get("database").get("version").asText()).matches("\\d+.*");
    assertThat(result.get("settings").get("clients").asText()).isEqualTo("2");
    JsonNode signed = result.get("results").get("signed");
    assertThat(signed.get("acceptedStatements").asLong()).isPositive();
    assertThat(signed.get("refused").size()).as(signed.toString()).isZero();
    assertThat(signed.get("latency").get("all").get("count").asLong())
        .isEqualTo(signed.get("acceptedStatements").asLong());
    assertThat(signed.get("database").asText()).startsWith("bench_load_");
    assertThat(benchDatabases()).doesNotContain(signed.get("database").asText());
    // the server's data folder (its log key and log) goes with the database
    assertThat(signed.get("dataFolder").asText()).contains("ledger-bench-");
    assertThat(Path.of(signed.get("dataFolder").asText())).doesNotExist();
    // where the CPU went while it was measured: the server wrote, PostgreSQL stored
    JsonNode cpu = signed.get("cpu");
    assertThat(cpu.get("serverCpuSeconds").asDouble()).as(cpu.toString()).isPositive();
    assertThat(cpu.get("postgresCpuSeconds").asDouble()).as(cpu.toString()).isPositive();
    assertThat(cpu.get("microsecondsPerEvent").get("server").asDouble()).isPositive();
    assertThat(cpu.get("machineBusyShare").asDouble()).isBetween(0.0, 1.0);
    assertThat(result.get("notes").get("cpu").asText()).contains("microsecondsPerEvent");
  }

  @Test
  void bulkRunWithTheBaselineSealsOnlyTheSignedRunAndReportsTheOverhead(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("load-bulk.json");
    // 40 statements: more than both clients' setup of a session (9 each), so bulks are sent
    int exit = tinyLoad(out, "--candidates", "3", "--bulk", "4", "--events", "40");

    assertThat(exit).isZero();
    JsonNode results = new ObjectMapper().readTree(out.toFile()).get("results");
    for (String run : new String[] {"signed", "integrityOffBaseline"}) {
      JsonNode r = results.get(run);
      assertThat(r.get("refused").size()).as(r.toString()).isZero();
      assertThat(r.get("bulk").get("scores").asLong()).as(r.toString()).isPositive();
      assertThat(r.get("bulk").get("scoresPerRequest").asDouble()).isBetween(1.0, 4.0);
    }
    // integrity off: events stored, none sealed; on: sealing runs
    JsonNode off = results.get("integrityOffBaseline").get("logAtEnd");
    assertThat(off.get("storedEvents").asLong()).isPositive();
    assertThat(off.get("leaves").asLong()).isZero();
    assertThat(results.get("signed").get("logAtEnd").get("leaves").asLong()).isPositive();
    assertThat(results.has("integrityOverhead")).isTrue();
  }

  @Test
  void sheetsRunReportsItsSealingItsCpuAndAProfileOfItsMeasuredPhase(@TempDir Path dir)
      throws Exception {
    assumeTrue(
        System.getProperty("os.arch").equals("amd64"), "the test's async-profiler is linux-x64");
    Path library = dir.resolve("libasyncProfiler.so");
    try (InputStream so =
        LoadSuiteIT.class.getClassLoader().getResourceAsStream("linux-x64/libasyncProfiler.so")) {
      Files.copy(so, library);
    }
    Path out = dir.resolve("sheets.json");
    Path profile = dir.resolve("phase.collapsed");
    int exit =
        tinyLoad(
            out,
            "--candidates",
            "3",
            "--sheets",
            "1",
            "--warmup-sheets",
            "1",
            "--baseline",
            "false",
            "--profile-phase",
            profile.toString(),
            "--async-profiler",
            library.toString());

    assertThat(exit).isZero();
    JsonNode sheets = new ObjectMapper().readTree(out.toFile()).get("results").get("sheets");
    // 2 clients x 1 measured sheet of 3 candidates x 2 components
    assertThat(sheets.get("scores").asLong()).as(sheets.toString()).isEqualTo(12);
    JsonNode sealing = sheets.get("sealing");
    assertThat(sealing.get("leavesBehindAtEnd").asLong()).isNotNegative();
    // every stored event ends up in a signed checkpoint, and the rate counts the wait for it
    assertThat(sealing.get("allCheckpointedAfterSeconds").asDouble()).isNotNegative();
    assertThat(sealing.get("checkpointedEventsPerSecond").asDouble())
        .isPositive()
        .isLessThanOrEqualTo(sheets.get("eventsPerSecond").asDouble());
    // the measured sheets' CPU, per score
    JsonNode cpu = sheets.get("cpu");
    assertThat(cpu.get("serverCpuSeconds").asDouble()).as(cpu.toString()).isNotNegative();
    assertThat(cpu.get("microsecondsPerEvent").get("server").asDouble()).isNotNegative();
    // the server was profiled while the measured sheets were sent: collapsed stacks, by thread
    assertThat(sheets.get("profile").asText()).isEqualTo(profile.toAbsolutePath().toString());
    assertThat(Files.readAllLines(profile))
        .isNotEmpty()
        .allMatch(line -> line.matches("\\[.+ \\d+"), "a stack and its sample count");
  }

  @Test
  void aPhaseProfileWithoutTheProfilerIsRefusedBeforeAnythingStarts(@TempDir Path dir)
      throws Exception {
    Path out = dir.resolve("r.json");
    assertThat(tinyLoad(out, "--sheets", "1", "--profile-phase", dir.resolve("p").toString()))
        .isEqualTo(2);
    assertThat(
            tinyLoad(
                out,
                "--profile-phase",
                dir.resolve("p").toString(),
                "--async-profiler",
                dir.resolve("missing.so").toString()))
        .isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  /** A load run of 2 clients for 4 s with no warm-up on a small server, with {@code more}. */
  private static int tinyLoad(Path out, String... more) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "load",
                "--out",
                out.toString(),
                "--jar",
                Path.of("..", "ledger-api", "target", "ledger.jar").toString(),
                "--clients",
                "2",
                "--warmup",
                "0s",
                "--duration",
                "4s",
                "--server-jvm",
                "-Xmx512m"));
    args.addAll(List.of(more));
    return BenchMain.run(args.toArray(String[]::new));
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
