package org.examledger.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./ledger bench rebuild}: projection rebuild throughput. The station load writes {@code
 * --events} statements through the API; once every projection has caught up, each one (or {@code
 * --projection NAME}) is rebuilt in turn by a station administrator ({@code POST
 * /api/v1/admin/projections/{name}/rebuild}) and polled until it has replayed up to the head again;
 * {@code --rounds N} does that N times (the later rounds: the rebuild once its code is compiled).
 */
final class RebuildSuite {

  private static final ObjectMapper JSON = new ObjectMapper();

  private RebuildSuite() {}

  static void run(Options options, Report report) throws Exception {
    int events = options.integer("events", 20_000);
    int clients = options.integer("clients", 16);
    // scores in bulks of this many while writing the ledger (0: one per request)
    int bulk = options.integer("bulk", 0);
    String only = options.text("projection", null);
    Duration poll = options.duration("poll", "100ms");
    // how many times each projection is rebuilt (results.projections: the first time)
    int rounds = options.integer("rounds", 1);
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1, found " + rounds);
    }
    ObjectNode results = report.results();
    Station station = new Station(clients, 2);
    BenchMain.progress("rebuild: writing " + events + " statements through the API ...");
    try (ServiceRun run = ServiceRun.start(options, "rebuild", station, List.of())) {
      LoadGenerator.Result load =
          new LoadGenerator(
                  run.http,
                  station,
                  new LoadGenerator.Settings(
                      clients, 30, Duration.ZERO, Duration.ZERO, events, false, bulk),
                  null)
              .run();
      results.put(
          "populateStatementsPerSecond", load.toJson().get("statementsPerSecond").asDouble());
      long stored = storedEvents(run.database);
      results.put("storedEvents", stored);
      List<String> names = new ArrayList<>();
      JsonNode list = JSON.readTree(get(run.http, "/api/v1/admin/projections"));
      for (JsonNode p : list) {
        if ("TRACKING".equals(p.path("mode").asText())
            && (only == null || only.equals(p.get("name").asText()))) {
          names.add(p.get("name").asText());
        }
      }
      if (names.isEmpty()) {
        throw new IllegalArgumentException(
            "no rebuildable projection"
                + (only == null ? "" : " named '" + only + "'")
                + " in "
                + list);
      }
      for (String name : names) {
        awaitCaughtUp(run.http, name, poll, Duration.ofMinutes(10));
      }
      rebuildEach(run, names, poll, stored, results.putObject("projections"), "");
      // Later rounds rebuild the same projections again: the first pays for compiling the replay
      // and batching paths, which the live processors never ran with batches this large.
      if (rounds > 1) {
        ArrayNode later = results.putArray("laterRounds");
        for (int round = 2; round <= rounds; round++) {
          rebuildEach(run, names, poll, stored, later.addObject(), " (round " + round + ")");
        }
      }
      report.note(
          "method",
          "Time from the rebuild request to the first poll (every --poll) at which the projection"
              + " is no longer replaying and its position equals the event store's head; events per"
              + " second = the stored domain events (storedEvents, every one of which the processor"
              + " reads) / that time. The server is otherwise idle.");
    }
  }

  /** Rebuilds each projection in turn, timing it from the request until it has caught up. */
  private static void rebuildEach(
      ServiceRun run, List<String> names, Duration poll, long stored, ObjectNode each, String label)
      throws Exception {
    for (String name : names) {
      BenchMain.progress("rebuild: " + name + label + " ...");
      long start = System.nanoTime();
      Http.Response r =
          run.http.post("/api/v1/admin/projections/" + name + "/rebuild", "", Station.ADMIN);
      if (r.status() != 202) {
        throw new IllegalStateException(
            "rebuild of " + name + " answered " + r.status() + " " + r.body());
      }
      Thread.sleep(poll.toMillis());
      JsonNode status = awaitCaughtUp(run.http, name, poll, Duration.ofMinutes(30));
      double seconds = (System.nanoTime() - start) / 1e9;
      ObjectNode o = each.putObject(name);
      o.put("seconds", Math.round(seconds * 1000) / 1000.0);
      o.put("eventsPerSecond", Math.round(stored / seconds));
      o.set("statusAfter", status);
      BenchMain.progress("rebuild: " + name + label + " " + o.get("eventsPerSecond") + " events/s");
    }
  }

  private static String get(Http http, String path) {
    Http.Response r = http.get(path, Station.ADMIN);
    if (r.status() != 200) {
      throw new IllegalStateException("GET " + path + " answered " + r.status() + " " + r.body());
    }
    return r.body();
  }

  private static JsonNode awaitCaughtUp(Http http, String name, Duration poll, Duration timeout)
      throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonNode status;
    do {
      status = JSON.readTree(get(http, "/api/v1/admin/projections/" + name));
      boolean done =
          !status.path("replaying").asBoolean()
              && status.path("error").isNull()
              && status.path("position").asLong(-1) >= status.path("head").asLong(0);
      if (done) {
        return status;
      }
      if (!status.path("error").isNull() && !status.path("error").isMissingNode()) {
        throw new IllegalStateException("projection " + name + " failed: " + status.get("error"));
      }
      Thread.sleep(poll.toMillis());
    } while (System.nanoTime() < deadline);
    throw new IllegalStateException("projection " + name + " did not catch up: " + status);
  }

  private static long storedEvents(BenchDatabase db) throws Exception {
    try (Connection c = db.connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
      r.next();
      return r.getLong(1);
    }
  }
}
