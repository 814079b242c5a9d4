package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.List;

/**
 * {@code ./ledger bench load}: signed single-statement writes through the API at a given
 * concurrency, then the same load with the scores sent unsigned (the only integrity switch the
 * service has) on a fresh database and server, for the overhead ratio measured in the same run.
 */
final class LoadSuite {

  private LoadSuite() {}

  static void run(Options options, Report report) throws Exception {
    int clients = options.integer("clients", 32);
    int candidates = options.integer("candidates", 30);
    int components = options.integer("components", 2);
    Duration warmup = options.duration("warmup", "15s");
    Duration duration = options.duration("duration", "60s");
    long events = options.integer("events", 0);
    boolean baseline = options.flag("baseline", true);
    LoadGenerator.Settings signed =
        new LoadGenerator.Settings(clients, candidates, warmup, duration, events, false);
    ObjectNode results = report.results();
    results.set("signed", measure(options, "load", signed, components, report));
    if (baseline) {
      LoadGenerator.Settings unsigned =
          new LoadGenerator.Settings(clients, candidates, warmup, duration, events, true);
      results.set("unsignedScoresBaseline", measure(options, "load", unsigned, components, report));
      double s = results.get("signed").get("statementsPerSecond").asDouble();
      double b = results.get("unsignedScoresBaseline").get("statementsPerSecond").asDouble();
      if (b > 0) {
        results.put("signatureCheckOverhead", Math.round((1 - s / b) * 1000) / 1000.0);
      }
    }
    report.note(
        "baseline",
        "The service has no switch for sealing (the Merkle log and its checkpoints always run)"
            + " nor for the signature checks of signed statements. Its only integrity switch is"
            + " ledger.admission.unsigned-allowed-types (default exam.score.record/v1): the"
            + " baseline sends the scores as unsigned entries, so it removes the score signature"
            + " check (and the client's signing) only; setup statements stay signed."
            + " signatureCheckOverhead = 1 - signed/baseline statements per second. The issue's"
            + " full baseline (signing and sealing off) is not measurable without changing the"
            + " service.");
    report.note(
        "shape",
        "Closed loop: each client waits for its answer. Per session: schedule, candidates,"
            + " 2 staff assignments, open, notice read, start (other statements), then candidates x"
            + " components scores. The load generator runs on the same machine as the service and"
            + " PostgreSQL. The write-rate limit is off (--ledger.limits.writes-per-second=0).");
  }

  static ObjectNode measure(
      Options options, String suite, LoadGenerator.Settings settings, int components, Report report)
      throws Exception {
    Station station = new Station(settings.clients(), components);
    String label = settings.unsignedScores() ? "baseline (unsigned scores)" : "signed";
    BenchMain.progress("load " + label + ": starting the ledger on a fresh database ...");
    try (ServiceRun run = ServiceRun.start(options, suite, station, List.of())) {
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
      LoadGenerator.Result result = new LoadGenerator(run.http, station, settings, null).run();
      ObjectNode json = result.toJson();
      json.put("serverResidentBytesAfter", run.server.residentBytes());
      json.put("database", run.database.name());
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
