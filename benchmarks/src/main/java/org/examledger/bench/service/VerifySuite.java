package org.examledger.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
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
import java.util.concurrent.atomic.AtomicLong;
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

  /** What one run of {@code ./ledger verify} showed. */
  private record VerifierRun(
      JsonNode verdict,
      int exitCode,
      double wallSeconds,
      List<long[]> progress,
      long peakResidentBytes,
      long maxHeapAfterGcBytes,
      long collections) {}

  static void run(Options options, Report report) throws Exception {
    int events = options.integer("events", 20_000);
    List<Long> stages = stages(options.text("memory-at", events / 4 + "," + events / 2), events);
    // one client by default: the ledger's shape does not depend on it, and the sealing keeps up
    int clients = options.integer("clients", 1);
    // scores in bulks of this many while writing the ledger (0: one per request): a larger ledger
    // in the same time; the verifier's work per event is the same
    int bulk = options.integer("bulk", 0);
    // larger sessions put more of the ledger in bulk requests: a larger ledger in the same time
    int candidates = options.integer("candidates", 30);
    int components = options.integer("components", 2);
    int threads = options.integer("raw-threads", 2);
    Duration rawDuration = options.duration("raw-duration", "5s");
    List<String> verifierJvm = ServiceRun.split(options.text("verifier-jvm", "-Xmx1g"));
    Path jar = Path.of(options.text("jar", "ledger-api/target/ledger.jar"));
    Duration sealTimeout = options.duration("seal-timeout", "15m");
    ObjectNode results = report.results();
    ArrayNode memory = results.putArray("memory");

    Station station = new Station(clients, components);
    try (ServiceRun run = ServiceRun.start(options, "verify", station, List.of())) {
      long written = 0;
      double populateSeconds = 0;
      String vkey = null;
      for (int stage = 0; stage < stages.size(); stage++) {
        long target = stages.get(stage);
        boolean last = stage == stages.size() - 1;
        BenchMain.progress("verify: writing statements through the API up to " + target + " ...");
        long writeStart = System.nanoTime();
        LoadGenerator.Result load =
            new LoadGenerator(
                    run.http,
                    station,
                    new LoadGenerator.Settings(
                        clients,
                        candidates,
                        Duration.ZERO,
                        Duration.ZERO,
                        target - written,
                        false,
                        bulk),
                    null)
                .sessionsFrom(stage * 10_000)
                .run();
        populateSeconds += (System.nanoTime() - writeStart) / 1e9;
        written += load.acceptedScores + load.acceptedSetup;
        if (vkey == null) {
          Http.Response key = run.http.get("/api/v1/log/key", Station.ADMIN);
          if (key.status() != 200) {
            throw new IllegalStateException("GET /api/v1/log/key answered " + key.status());
          }
          vkey = key.body().trim();
        }
        long sealWait = System.nanoTime();
        awaitSequenced(run.database, sealTimeout);
        if (last) {
          results.put(
              "secondsUntilEveryEventHadALeaf",
              Math.round((System.nanoTime() - sealWait) / 1e7) / 100.0);
        }
        Http.Response checkpoint = run.http.post("/api/v1/log/checkpoint", "", Station.ADMIN);
        if (checkpoint.status() != 200) {
          throw new IllegalStateException(
              "signing the last checkpoint answered " + checkpoint.status());
        }
        ObjectNode m = memory.addObject();
        m.put("statementsWritten", written);
        m.put("storedEvents", storedEvents(run.database));
        m.put("serverResidentBytes", JvmMemory.resident(run.server.pid(), false));
        m.put("serverPeakResidentBytes", JvmMemory.resident(run.server.pid(), true));
        m.put("serverHeapUsedAfterFullGcBytes", JvmMemory.heapUsedAfterFullGc(run.server.pid()));
        if (!last) {
          BenchMain.progress("verify: ./ledger verify at " + written + " statements (memory) ...");
          VerifierRun v = verifier(jar, verifierJvm, run.database, vkey);
          requireVerified(v);
          putVerifierMemory(m, v);
          continue;
        }
        results.put("populateSeconds", Math.round(populateSeconds * 100) / 100.0);
        results.put("populateStatementsPerSecond", Math.round(written / populateSeconds));
        run.stopServer();

        BenchMain.progress("verify: raw Ed25519 verification on " + threads + " threads ...");
        double raw = RawVerifyRate.measure(threads, rawDuration);
        results.put("rawEd25519VerificationsPerSecond", Math.round(raw));
        results.put("rawThreads", threads);

        BenchMain.progress("verify: ./ledger verify over the ledger ...");
        VerifierRun v = verifier(jar, verifierJvm, run.database, vkey);
        requireVerified(v);
        putVerifierMemory(m, v);
        long entries = v.verdict().get("events").asLong();
        results.set("verifier", v.verdict());
        results.put("verifyWallSeconds", Math.round(v.wallSeconds() * 100) / 100.0);
        results.put("eventsPerSecondWallClock", Math.round(entries / v.wallSeconds()));
        if (v.progress().size() >= 2) {
          long[] first = v.progress().get(0);
          long[] end = v.progress().get(v.progress().size() - 1);
          double steady = (end[0] - first[0]) / ((end[1] - first[1]) / 1e9);
          results.put("eventsPerSecondSteady", Math.round(steady));
          results.put("steadyShareOfRawRate", Math.round(steady / raw * 1000) / 1000.0);
        }
        results.put(
            "wallClockShareOfRawRate", Math.round(entries / v.wallSeconds() / raw * 1000) / 1000.0);
        if (v.peakResidentBytes() > 0) {
          results.put("verifierPeakResidentBytesSampled", v.peakResidentBytes());
        }
        BenchMain.progress(
            "verify: " + entries + " events in " + results.get("verifyWallSeconds") + " s");
      }
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
    report.note(
        "memory",
        "memory[] has one entry per ledger size (--memory-at, then --events): the server after"
            + " the writes reached that size and every event had its leaf (serverResidentBytes:"
            + " VmRSS; serverPeakResidentBytes: VmHWM since its start; serverHeapUsedAfterFullGcBytes:"
            + " the heap in use right after a full collection forced with jcmd GC.run, i.e. the"
            + " live set), and ./ledger verify over the ledger of that size"
            + " (verifierPeakResidentBytes: VmHWM sampled every 50 ms; verifierMaxHeapAfterGcBytes:"
            + " the largest heap occupancy right after a collection in its -Xlog:gc log, i.e. an"
            + " upper bound of its live set; verifierCollections: how many collections it ran)."
            + " The verifier runs at the smaller sizes with the idle server still up, at the"
            + " largest after it stopped. Both JVMs' heaps are bounded by -Xmx (--server-jvm,"
            + " --verifier-jvm): resident memory says what the JVM took, the live set what the"
            + " ledger's size made it keep.");
  }

  /** The sizes to measure at: those of --memory-at below --events, then --events. */
  private static List<Long> stages(String memoryAt, long events) {
    List<Long> stages = new ArrayList<>();
    for (String s : memoryAt.split(",")) {
      if (!s.isBlank()) {
        long size = Long.parseLong(s.trim());
        if (size > 0 && size < events && !stages.contains(size)) {
          stages.add(size);
        }
      }
    }
    stages.sort(Long::compare);
    stages.add(events);
    return stages;
  }

  private static long storedEvents(BenchDatabase db) throws Exception {
    try (java.sql.Connection c = db.connect();
        java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
      r.next();
      return r.getLong(1);
    }
  }

  private static void putVerifierMemory(ObjectNode m, VerifierRun v) {
    m.put("verifierEvents", v.verdict().get("events").asLong());
    m.put("verifierWallSeconds", Math.round(v.wallSeconds() * 100) / 100.0);
    m.put("verifierPeakResidentBytes", v.peakResidentBytes());
    m.put("verifierMaxHeapAfterGcBytes", v.maxHeapAfterGcBytes());
    m.put("verifierCollections", v.collections());
  }

  private static void requireVerified(VerifierRun v) {
    if (v.exitCode() != 0) {
      throw new IllegalStateException(
          "./ledger verify exited " + v.exitCode() + ": " + v.verdict().path("summary"));
    }
  }

  /** Runs ./ledger verify as the launcher does, sampling its resident memory. */
  private static VerifierRun verifier(
      Path jar, List<String> verifierJvm, BenchDatabase database, String vkey) throws Exception {
    Path gcLog = Files.createTempFile("bench-verify-gc", ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(verifierJvm);
    command.add("-Xlog:gc:file=" + gcLog);
    command.add("-cp");
    command.add(jar.toString());
    command.add("-Dloader.main=org.examledger.api.verify.LedgerVerify");
    command.add("org.springframework.boot.loader.launch.PropertiesLauncher");
    command.addAll(
        List.of(
            "--db-url",
            database.url(),
            "--db-user",
            database.user(),
            "--db-password",
            "",
            "--log-vkey",
            vkey,
            "--json"));
    Path stdout = Files.createTempFile("bench-verify", ".json");
    long start = System.nanoTime();
    Process verifier = new ProcessBuilder(command).redirectOutput(stdout.toFile()).start();
    AtomicLong peakRss = new AtomicLong();
    Thread sampler =
        new Thread(
            () -> {
              while (verifier.isAlive()) {
                peakRss.accumulateAndGet(JvmMemory.resident(verifier.pid(), true), Math::max);
                try {
                  Thread.sleep(50);
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "verifier-memory");
    sampler.setDaemon(true);
    sampler.start();
    List<long[]> progress = new ArrayList<>();
    try (BufferedReader err =
        new BufferedReader(
            new InputStreamReader(verifier.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = err.readLine()) != null) {
        Matcher m = PROGRESS.matcher(line);
        if (m.find()) {
          progress.add(new long[] {Long.parseLong(m.group(1)), System.nanoTime()});
        }
      }
    }
    if (!verifier.waitFor(30, TimeUnit.MINUTES)) {
      verifier.destroyForcibly();
      throw new IllegalStateException("./ledger verify did not finish within 30 minutes");
    }
    double wall = (System.nanoTime() - start) / 1e9;
    sampler.interrupt();
    sampler.join();
    JsonNode verdict = new ObjectMapper().readTree(Files.readString(stdout));
    Files.deleteIfExists(stdout);
    long[] gc = JvmMemory.maxHeapAfterGc(gcLog);
    Files.deleteIfExists(gcLog);
    return new VerifierRun(
        verdict, verifier.exitValue(), wall, progress, peakRss.get(), gc[0], gc[1]);
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
}
