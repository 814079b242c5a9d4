package org.examledger.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./ledger bench verify}: offline verification throughput of {@code ./ledger verify} over a
 * ledger of {@code --events} statements written through the API by the station load, compared with
 * the raw Ed25519 verification rate of the machine's cores measured in the same run. The server is
 * stopped before the verifier runs, so the verifier has the machine to itself.
 */
final class VerifySuite {

  private static final Pattern PROGRESS = Pattern.compile("ledger verify: (\\d+) entries checked");

  private VerifySuite() {}

  static void run(Options options, Report report) throws Exception {
    int events = options.integer("events", 20_000);
    // one client: concurrent writes stop the sequencer (docs/performance.md, "Findings")
    int clients = options.integer("clients", 1);
    int threads = options.integer("raw-threads", 2);
    Duration rawDuration = options.duration("raw-duration", "5s");
    List<String> verifierJvm = ServiceRun.split(options.text("verifier-jvm", "-Xmx1g"));
    Path jar = Path.of(options.text("jar", "ledger-api/target/ledger.jar"));
    Duration sealTimeout = options.duration("seal-timeout", "15m");
    ObjectNode results = report.results();

    Station station = new Station(clients, 2);
    BenchMain.progress("verify: writing " + events + " statements through the API ...");
    try (ServiceRun run = ServiceRun.start(options, "verify", station, List.of())) {
      long writeStart = System.nanoTime();
      LoadGenerator.Result load =
          new LoadGenerator(
                  run.http,
                  station,
                  new LoadGenerator.Settings(
                      clients, 30, Duration.ZERO, Duration.ZERO, events, false),
                  null)
              .run();
      results.put("populateSeconds", Math.round((System.nanoTime() - writeStart) / 1e7) / 100.0);
      results.put(
          "populateStatementsPerSecond", load.toJson().get("statementsPerSecond").asDouble());
      Http.Response vkey = run.http.get("/api/v1/log/key", Station.ADMIN);
      if (vkey.status() != 200) {
        throw new IllegalStateException("GET /api/v1/log/key answered " + vkey.status());
      }
      long sealWait = System.nanoTime();
      awaitSequenced(run.database, sealTimeout);
      results.put(
          "secondsUntilEveryEventHadALeaf",
          Math.round((System.nanoTime() - sealWait) / 1e7) / 100.0);
      Http.Response checkpoint = run.http.post("/api/v1/log/checkpoint", "", Station.ADMIN);
      if (checkpoint.status() != 200) {
        throw new IllegalStateException(
            "signing the last checkpoint answered " + checkpoint.status());
      }
      run.stopServer();

      BenchMain.progress("verify: raw Ed25519 verification on " + threads + " threads ...");
      double raw = RawVerifyRate.measure(threads, rawDuration);
      results.put("rawEd25519VerificationsPerSecond", Math.round(raw));
      results.put("rawThreads", threads);

      BenchMain.progress("verify: ./ledger verify over the ledger ...");
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.addAll(verifierJvm);
      command.add("-cp");
      command.add(jar.toString());
      command.add("-Dloader.main=org.examledger.api.verify.LedgerVerify");
      command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
      command.addAll(
          List.of(
              "--db-url",
              run.database.url(),
              "--db-user",
              run.database.user(),
              "--db-password",
              "",
              "--log-vkey",
              vkey.body().trim(),
              "--json"));
      Path stdout = Files.createTempFile("bench-verify", ".json");
      long start = System.nanoTime();
      Process verifier = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
      List<long[]> progress = new ArrayList<>();
      long peakRss = 0;
      try (BufferedReader err =
          new BufferedReader(
              new InputStreamReader(verifier.getErrorStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = err.readLine()) != null) {
          Matcher m = PROGRESS.matcher(line);
          if (m.find()) {
            progress.add(new long[] {Long.parseLong(m.group(1)), System.nanoTime()});
          }
          peakRss = Math.max(peakRss, rss(verifier.pid()));
        }
      }
      if (!verifier.waitFor(30, TimeUnit.MINUTES)) {
        verifier.destroyForcibly();
        throw new IllegalStateException("./ledger verify did not finish within 30 minutes");
      }
      double wall = (System.nanoTime() - start) / 1e9;
      JsonNode verdict = new ObjectMapper().readTree(Files.readString(stdout));
      Files.deleteIfExists(stdout);
      if (verifier.exitValue() != 0) {
        throw new IllegalStateException(
            "./ledger verify exited " + verifier.exitValue() + ": " + verdict.path("summary"));
      }
      long entries = verdict.get("events").asLong();
      results.set("verifier", verdict);
      results.put("verifyWallSeconds", Math.round(wall * 100) / 100.0);
      results.put("eventsPerSecondWallClock", Math.round(entries / wall));
      if (progress.size() >= 2) {
        long[] first = progress.get(0);
        long[] last = progress.get(progress.size() - 1);
        double steady = (last[0] - first[0]) / ((last[1] - first[1]) / 1e9);
        results.put("eventsPerSecondSteady", Math.round(steady));
        results.put("steadyShareOfRawRate", Math.round(steady / raw * 1000) / 1000.0);
      }
      results.put("wallClockShareOfRawRate", Math.round(entries / wall / raw * 1000) / 1000.0);
      if (peakRss > 0) {
        results.put("verifierPeakResidentBytesSampled", peakRss);
      }
      report.note(
          "method",
          "The ledger is written through the API by the station load (signed statements, the same"
              + " shape as the load suite), the server stopped, then ./ledger verify (LedgerVerify,"
              + " the application jar's PropertiesLauncher, as the launcher runs it) reads it from"
              + " PostgreSQL with the log's published vkey. eventsPerSecondWallClock includes the"
              + " JVM start; eventsPerSecondSteady is measured between the verifier's first and last"
              + " progress lines (every 10,000 entries) and is only present for ledgers of 20,000"
              + " events or more. The raw rate is ledger-core's Ed25519 verify of a 450-byte message"
              + " on --raw-threads threads in this JVM.");
      BenchMain.progress(
          "verify: " + entries + " events in " + results.get("verifyWallSeconds") + " s");
    }
  }

  /**
   * Waits until every stored event has its leaf: under concurrent writes the sequencer can lag by
   * up to its catch-up interval (docs/performance.md, "Findings").
   */
  static void awaitSequenced(BenchDatabase db, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long events;
      long leaves;
      try (java.sql.Connection c = db.connect();
          java.sql.Statement s = c.createStatement();
          java.sql.ResultSet r =
              s.executeQuery(
                  "SELECT (SELECT COUNT(*) FROM domain_event_entry),"
                      + " (SELECT tree_size FROM ledger_log_state WHERE id = 1)")) {
        r.next();
        events = r.getLong(1);
        leaves = r.getLong(2);
      }
      if (leaves >= events) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only " + leaves + " of " + events + " events had a leaf after " + timeout);
      }
      Thread.sleep(1_000);
    }
  }

  private static long rss(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
        }
      }
    } catch (Exception e) {
      return 0;
    }
    return 0;
  }
}
