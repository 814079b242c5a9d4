package org.examledger.bench.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./ledger bench load}: signed writes through the API at a given concurrency (one statement
 * per request, or the scores in bulks), then the same load against a fresh server with integrity
 * off (no signature checks, no sealing), for the overhead ratio measured in the same run.
 */
final class LoadSuite {

  private static final ObjectMapper JSON = new ObjectMapper();

  private LoadSuite() {}

  static void run(Options options, Report report) throws Exception {
    checkProfileOptions(options);
    int sheets = options.integer("sheets", 0);
    int clients = options.integer("clients", sheets > 0 ? 8 : 32);
    // a sheet of 120 scores (60 candidates x 2 components) in the sheet phase
    int candidates = options.integer("candidates", sheets > 0 ? 60 : 30);
    int components = options.integer("components", 2);
    // on 2 busy cores the JIT needs about two minutes to compile the write path: after 15 s the
    // same server wrote 540 statements/s, after 60 s 777, after 120 s 948, after 300 s 967
    // (docs/performance.md): "sustained" is measured warm
    Duration warmup = options.duration("warmup", "120s");
    Duration duration = options.duration("duration", "60s");
    long events = options.integer("events", 0);
    boolean baseline = options.flag("baseline", true);
    int bulk = options.integer("bulk", 0);
    if (sheets > 0) {
      runSheets(options, report, clients, candidates, components, bulk, sheets, baseline);
      return;
    }
    LoadGenerator.Settings settings =
        new LoadGenerator.Settings(clients, candidates, warmup, duration, events, false, bulk);
    ObjectNode results = report.results();
    results.set("signed", measure(options, "load", settings, components, report, List.of()));
    if (baseline) {
      results.set(
          "integrityOffBaseline",
          measure(options, "load", settings, components, report, List.of("--" + INTEGRITY_OFF)));
      double s = results.get("signed").get("statementsPerSecond").asDouble();
      double b = results.get("integrityOffBaseline").get("statementsPerSecond").asDouble();
      if (b > 0) {
        results.put("integrityOverhead", Math.round((1 - s / b) * 1000) / 1000.0);
      }
    }
    report.note("cpu", CPU_NOTE);
    report.note(
        "baseline",
        "The baseline is the same load (same clients, same signed statements, same shape) against"
            + " a second fresh server started with "
            + INTEGRITY_OFF
            + ": it checks no statement signature and seals nothing (no sequencer, no"
            + " checkpoints); everything else (parsing, admission rules, replay checks, the"
            + " domain, the projections) runs as usual. The clients still sign, so the client's"
            + " signing is in both runs. integrityOverhead = 1 - signed/baseline statements per"
            + " second.");
    report.note(
        "shape",
        "Closed loop: each client waits for its answer. Per session: schedule, candidates,"
            + " 2 staff assignments, open, notice read, start (other statements), then candidates x"
            + " components scores"
            + (bulk > 0
                ? ", sent in bulks of "
                    + bulk
                    + " (POST /api/v1/sessions/{id}/scores/bulk, signed before the request starts);"
                    + " bulk.eventsPerSecondInBulkRequests = scores stored by bulk requests /"
                    + " (time the clients spent in bulk requests / clients)"
                : "")
            + ". The load generator runs on the same machine as the service and"
            + " PostgreSQL. The write-rate limit is off (--ledger.limits.writes-per-second=0).");
  }

  /**
   * {@code --sheets N}: the exam-day bulk submission alone. Each client prepares its sessions and
   * signs their sheets before the clock; only the bulk requests are measured (LoadGenerator
   * runSheets). Candidates default to 60 (120 scores a sheet with 2 components), one bulk a sheet.
   */
  private static void runSheets(
      Options options,
      Report report,
      int clients,
      int candidates,
      int components,
      int bulk,
      int sheets,
      boolean baseline)
      throws Exception {
    int warmupSheets = options.integer("warmup-sheets", 2);
    LoadGenerator.Settings settings =
        new LoadGenerator.Settings(
            clients,
            candidates,
            Duration.ZERO,
            Duration.ZERO,
            0,
            false,
            bulk,
            sheets,
            warmupSheets);
    ObjectNode results = report.results();
    results.set("sheets", measureSheets(options, settings, components, List.of()));
    if (baseline) {
      results.set(
          "sheetsIntegrityOffBaseline",
          measureSheets(options, settings, components, List.of("--" + INTEGRITY_OFF)));
      double s = results.get("sheets").get("eventsPerSecond").asDouble();
      double b = results.get("sheetsIntegrityOffBaseline").get("eventsPerSecond").asDouble();
      if (b > 0) {
        results.put("integrityOverhead", Math.round((1 - s / b) * 1000) / 1000.0);
      }
    }
    report.note("cpu", CPU_NOTE);
    report.note(
        "sheets",
        "Sheet phase: each of the clients prepares --warmup-sheets + --sheets sessions of"
            + " --candidates candidates x components (scheduled, registered, staffed, opened,"
            + " started; one statement per request, not measured) and signs every score before any"
            + " clock; the warm-up sheets are then submitted in bulk, unmeasured; then all clients"
            + " submit the measured sheets together, each sheet in bulks of --bulk scores (0: the"
            + " whole sheet in one request; POST /api/v1/sessions/{id}/scores/bulk, one transaction"
            + " each). eventsPerSecond = scores stored / the wall clock from the first measured bulk"
            + " request to the last answer. The baseline, when run, is the same against a fresh"
            + " server with "
            + INTEGRITY_OFF
            + ".");
  }

  /**
   * The run's load generator, observing its measured phase: the machine's CPU when this machine has
   * /proc, and for the signed run (no extra server properties) the server's profile when {@code
   * --profile-phase} asks for one.
   */
  private static LoadGenerator observed(
      Options options,
      ServiceRun run,
      Station station,
      LoadGenerator.Settings settings,
      List<String> serverProperties) {
    return new LoadGenerator(run.http, station, settings, null)
        .accountCpu(CpuAccount.available() ? new CpuAccount(run.server.pid()) : null)
        .profile(serverProperties.isEmpty() ? profiler(options, run) : null);
  }

  /** Refuses a profile that cannot be taken before any server starts. */
  private static void checkProfileOptions(Options options) {
    if (options.text("profile-phase", null) == null) {
      return;
    }
    String library = options.text("async-profiler", null);
    if (library == null) {
      throw new IllegalArgumentException(
          "--profile-phase needs --async-profiler PATH/libasyncProfiler.so");
    }
    if (!Files.isRegularFile(Path.of(library))) {
      throw new IllegalArgumentException(
          "--async-profiler " + library + " is not a file (libasyncProfiler.so)");
    }
    if (options.text("server", null) != null) {
      throw new IllegalArgumentException(
          "--profile-phase needs a server the harness starts, not --server");
    }
  }

  /**
   * {@code --profile-phase FILE} with {@code --async-profiler LIB}: the signed run's server
   * profiled over its measured phase (PhaseProfiler); null when not asked.
   */
  private static PhaseProfiler profiler(Options options, ServiceRun run) {
    String file = options.text("profile-phase", null);
    if (file == null) {
      return null;
    }
    return new PhaseProfiler(
        run.server.pid(), Path.of(options.text("async-profiler", null)), Path.of(file));
  }

  /** What the {@code cpu} block of a run's result says. */
  static final String CPU_NOTE =
      "cpu: where the machine's CPU went during the measured phase (the duration after the"
          + " warm-up; with --sheets the measured sheets), from /proc at its start and end:"
          + " the service's process (serverCpuSeconds), every process named postgres on this"
          + " machine (postgresCpuSeconds; a backend that exits is counted through its server's"
          + " children's time), this harness's JVM, the load generator (generatorCpuSeconds),"
          + " everything else (otherCpuSeconds) and idle; *Cores = CPU seconds / wall seconds."
          + " microsecondsPerEvent divides each by the statements stored in the phase (the"
          + " scores with --sheets): the CPU time one event costs each part, which with the"
          + " machine's cores bounds the rate (2 cores give 2,000,000 us a second).";

  /**
   * The server's group-commit counters (docs/operations.md): groups committed, statements they
   * stored, statements a group refused or failed and decided alone, and the mean group size.
   */
  private static ObjectNode groupCommit(Http http) throws Exception {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    for (String name : List.of("groups", "statements", "decided-alone")) {
      Http.Response r = http.get("/actuator/metrics/ledger.group-commit." + name, Station.ADMIN);
      if (r.status() != 200) {
        o.put("unavailable", "GET /actuator/metrics answered " + r.status());
        return o;
      }
      o.put(
          name,
          (long) JSON.readTree(r.body()).path("measurements").path(0).path("value").asDouble());
    }
    long groups = o.path("groups").asLong();
    if (groups > 0) {
      o.put(
          "meanStatementsPerGroup",
          Math.round(o.path("statements").asLong() * 10.0 / groups) / 10.0);
    }
    return o;
  }

  private static ObjectNode measureSheets(
      Options options,
      LoadGenerator.Settings settings,
      int components,
      List<String> serverProperties)
      throws Exception {
    Station station = new Station(settings.clients(), components);
    String label = serverProperties.isEmpty() ? "signed" : "baseline (integrity off)";
    BenchMain.progress("sheets " + label + ": starting the ledger on a fresh database ...");
    try (ServiceRun run = ServiceRun.start(options, "load", station, serverProperties)) {
      BenchMain.progress(
          "sheets "
              + label
              + ": "
              + settings.clients()
              + " clients preparing "
              + (settings.warmupSheets() + settings.sheets())
              + " sessions each ...");
      LoadGenerator.Result result =
          observed(options, run, station, settings, serverProperties).runSheets();
      ObjectNode json = result.sheetsToJson();
      json.put("serverResidentBytesAfter", run.server.residentBytes());
      json.put("database", run.database.name());
      json.put("dataFolder", String.valueOf(run.dataDir));
      json.set("logAtEnd", run.logState());
      if (serverProperties.isEmpty()) {
        // integrity off seals nothing
        json.set("sealing", sealing(run, json));
      }
      BenchMain.progress(
          "sheets "
              + label
              + ": "
              + json.get("eventsPerSecond")
              + " events/s in bulk, p99 "
              + json.get("requestLatency").path("p99Ms")
              + " ms a request");
      return json;
    }
  }

  /** How long a sheets run waits, after its bulk phase, for the log to seal what it stored. */
  static final Duration SEALING_LIMIT = Duration.ofMinutes(3);

  /**
   * What the log made of a sheets run: the bulk phase's rate counts requests answered, and the
   * sequencer may still be behind when it ends. The seconds from the phase's end until a signed
   * checkpoint covered every stored event, and the scores per second from the first measured bulk
   * request to that checkpoint: the rate at which sheets become provable, not only stored.
   */
  static ObjectNode sealing(ServiceRun run, ObjectNode sheets) throws Exception {
    double after = run.secondsUntilCheckpointed(SEALING_LIMIT);
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    ObjectNode log = (ObjectNode) sheets.get("logAtEnd");
    json.put("leavesBehindAtEnd", log.get("storedEvents").asLong() - log.get("leaves").asLong());
    if (after < 0) {
      json.putNull("allCheckpointedAfterSeconds");
      json.putNull("checkpointedEventsPerSecond");
      json.put("note", "not every event was in a signed checkpoint " + SEALING_LIMIT + " later");
    } else {
      double seconds = sheets.get("measuredSeconds").asDouble() + after;
      json.put("allCheckpointedAfterSeconds", Math.round(after * 10) / 10.0);
      json.put(
          "checkpointedEventsPerSecond",
          Math.round(sheets.get("scores").asLong() / seconds * 10) / 10.0);
    }
    return json;
  }

  /** How long the read ceiling is measured, after as long a warm-up. */
  static final Duration CEILING_DURATION = Duration.ofSeconds(10);

  /**
   * What the same server answers at the same concurrency when a request does almost nothing: each
   * client, as its examiner's account, asks {@code GET /api/v1/log/key} (HTTP, sign-in from the
   * credential cache, Spring MVC, a small JSON answer; no database) in a closed loop. The ceiling
   * any write can approach on this stack and machine, measured right after the writes.
   */
  static ObjectNode readCeiling(Http http, Station station, int clients)
      throws InterruptedException {
    org.HdrHistogram.Histogram latencies = Latencies.histogram();
    java.util.concurrent.atomic.AtomicLong answered = new java.util.concurrent.atomic.AtomicLong();
    long warmEnd = System.nanoTime() + CEILING_DURATION.toNanos();
    long end = warmEnd + CEILING_DURATION.toNanos();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int c = 0; c < clients; c++) {
      String account = station.examiner(c).actorId();
      Thread t =
          new Thread(
              () -> {
                org.HdrHistogram.Histogram mine = Latencies.histogram();
                long n = 0;
                while (System.nanoTime() < end) {
                  Http.Response r = http.get("/api/v1/log/key", account);
                  if (r.status() == 200 && System.nanoTime() - r.nanos() >= warmEnd) {
                    Latencies.recordNanos(mine, r.nanos());
                    n++;
                  }
                }
                answered.addAndGet(n);
                synchronized (latencies) {
                  latencies.add(mine);
                }
              },
              "bench-ceiling-" + c);
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    ObjectNode json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    json.put("request", "GET /api/v1/log/key");
    json.put("clients", clients);
    json.put("measuredSeconds", CEILING_DURATION.toSeconds());
    json.put(
        "requestsPerSecond",
        Math.round(answered.get() * 10.0 / CEILING_DURATION.toSeconds()) / 10.0);
    json.set("latency", Latencies.toJson(latencies));
    BenchMain.progress(
        "load: read ceiling "
            + json.get("requestsPerSecond")
            + " authenticated GETs/s at "
            + clients
            + " clients");
    return json;
  }

  /** The server setting of the baseline (docs/performance.md, "Baseline"). */
  static final String INTEGRITY_OFF = "ledger.benchmark.integrity=off";

  static ObjectNode measure(
      Options options,
      String suite,
      LoadGenerator.Settings settings,
      int components,
      Report report,
      List<String> serverProperties)
      throws Exception {
    Station station = new Station(settings.clients(), components);
    String label = serverProperties.isEmpty() ? "signed" : "baseline (integrity off)";
    BenchMain.progress("load " + label + ": starting the ledger on a fresh database ...");
    try (ServiceRun run = ServiceRun.start(options, suite, station, serverProperties)) {
      BenchMain.progress(
          "load "
              + label
              + ": "
              + settings.clients()
              + " clients, "
              + (settings.events() > 0
                  ? settings.events() + " statements"
                  : settings.warmup().toSeconds()
                      + " s warm-up + "
                      + settings.duration().toSeconds()
                      + " s"));
      LoadGenerator.Result result =
          observed(options, run, station, settings, serverProperties).run();
      ObjectNode json = result.toJson();
      json.set("groupCommit", groupCommit(run.http));
      if (serverProperties.isEmpty() && settings.bulkSize() == 0) {
        json.set("authenticatedReadCeiling", readCeiling(run.http, station, settings.clients()));
      }
      json.put("serverResidentBytesAfter", run.server.residentBytes());
      json.put("database", run.database.name());
      json.put("dataFolder", String.valueOf(run.dataDir));
      json.set("logAtEnd", run.logState());
      BenchMain.progress(
          "load "
              + label
              + ": "
              + json.get("statementsPerSecond")
              + " statements/s, p99 "
              + json.get("latency").get("all").path("p99Ms")
              + " ms");
      return json;
    }
  }
}
