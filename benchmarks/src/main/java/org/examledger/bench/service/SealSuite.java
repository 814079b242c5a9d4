package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.HdrHistogram.Histogram;

/**
 * {@code ./ledger bench seal}: append-to-checkpoint latency under the station load. After the load,
 * every event stored during the measured window is followed through the ledger's own records: the
 * event's timestamp (set when the command applied it, just before the 201), its leaf's {@code
 * sequenced_at}, and the {@code signed_at} of the first checkpoint whose tree covers the leaf. This
 * covers every write, not a polled sample, and asks the server nothing that would make it sign a
 * checkpoint early (a proof request without {@code treeSize} does).
 */
final class SealSuite {

  private SealSuite() {}

  static void run(Options options, Report report) throws Exception {
    int clients = options.integer("clients", 8);
    int candidates = options.integer("candidates", 30);
    int components = options.integer("components", 2);
    Duration warmup = options.duration("warmup", "10s");
    Duration duration = options.duration("duration", "60s");
    Duration settle = options.duration("settle", "2m");
    // with --bulk N each session's scores go in bulks of N: sealing under exam-day sheets
    int bulk = options.integer("bulk", 0);
    LoadGenerator.Settings settings =
        new LoadGenerator.Settings(clients, candidates, warmup, duration, 0, false, bulk);
    Station station = new Station(clients, components);
    BenchMain.progress("seal: starting the ledger on a fresh database ...");
    try (ServiceRun run = ServiceRun.start(options, "seal", station, List.of())) {
      Instant from = Instant.now().plus(warmup);
      BenchMain.progress(
          "seal: "
              + clients
              + " clients, "
              + warmup.toSeconds()
              + " s warm-up + "
              + duration.toSeconds()
              + " s");
      LoadGenerator.Result load = new LoadGenerator(run.http, station, settings, null).run();
      Instant to = Instant.now();
      long settleStart = System.nanoTime();
      try {
        VerifySuite.awaitSequenced(run.database, settle);
      } catch (IllegalStateException e) {
        report.note("settle", e.getMessage());
      }
      // one more checkpoint interval (and a margin) for the last leaves' checkpoint
      Thread.sleep(2_000);
      double settled = (System.nanoTime() - settleStart) / 1e9;
      Histogram sequenced = Latencies.histogram();
      Histogram checkpointed = Latencies.histogram();
      long events = 0;
      long unsequenced = 0;
      long unsealed = 0;
      try (Connection c = run.database.connect();
          Statement s = c.createStatement();
          ResultSet r =
              s.executeQuery(
                  "SELECT e.time_stamp, l.sequenced_at, (SELECT MIN(cp.signed_at) FROM"
                      + " ledger_checkpoint cp WHERE cp.tree_size > l.leaf_index) FROM"
                      + " domain_event_entry e LEFT JOIN ledger_leaf l ON l.global_index ="
                      + " e.global_index")) {
        while (r.next()) {
          Instant stored = Instant.parse(r.getString(1));
          if (stored.isBefore(from) || stored.isAfter(to)) {
            continue;
          }
          events++;
          Timestamp seq = r.getTimestamp(2);
          Timestamp sealedAt = r.getTimestamp(3);
          if (seq == null) {
            unsequenced++;
            unsealed++;
            continue;
          }
          Latencies.recordNanos(sequenced, Duration.between(stored, seq.toInstant()).toNanos());
          if (sealedAt == null) {
            unsealed++;
          } else {
            Latencies.recordNanos(
                checkpointed, Duration.between(stored, sealedAt.toInstant()).toNanos());
          }
        }
      }
      ObjectNode results = report.results();
      results.put("eventsInWindow", events);
      results.set("appendToSequenced", Latencies.toJson(sequenced));
      results.set("appendToSignedCheckpoint", Latencies.toJson(checkpointed));
      results.put("notSequencedAfterSettle", unsequenced);
      results.put("notInACheckpointAfterSettle", unsealed);
      results.put("secondsAfterLoadUntilSettled", Math.round(settled * 100) / 100.0);
      results.set("load", load.toJson());
      results.set("logAtEnd", run.logState());
      report.note(
          "method",
          "For every event stored during the measured window: its domain_event_entry.time_stamp"
              + " (server clock, when the command applied it) to its ledger_leaf.sequenced_at, and"
              + " to the signed_at of the first ledger_checkpoint with tree_size > its leaf index."
              + " Checkpoints are signed every ledger.log.checkpoint-interval (default 1s) when the"
              + " tree grew. After the load the suite waits (at most --settle) until every stored"
              + " event has a leaf, then 2 s for the last checkpoint; events still unsealed are"
              + " counted, not timed. logAtEnd counts the sequencer's refusals of gap-filled"
              + " deliveries and the catch-up sweep's late leaves.");
      BenchMain.progress(
          "seal: p99 append-to-checkpoint "
              + results.get("appendToSignedCheckpoint").path("p99Ms")
              + " ms over "
              + checkpointed.getTotalCount()
              + " events");
    }
  }
}
