package org.examledger.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;

/**
 * Closed-loop clients, each a station desk running whole sessions over and over: schedule, register
 * the candidates, assign its examiner and proctor, open, read the Candidate Notice, start, then
 * every candidate's score for every component, each statement signed by the actor the domain
 * requires and delivered by that actor's own account. A client waits for each answer before the
 * next request, so the latencies are service times at that concurrency (no coordinated-omission
 * correction). Requests started before the warm-up ends are not recorded.
 */
final class LoadGenerator {

  /**
   * @param events stop after this many accepted statements (0: run for warm-up plus duration)
   * @param unsignedScores send the scores as unsigned entries (only the types admission lets in
   *     unsigned; no suite uses it since the load suite's baseline switches integrity off instead)
   * @param bulkSize send the scores of a session in bulks of this many ({@code POST
   *     /api/v1/sessions/{id}/scores/bulk}); 0 sends one score per request
   */
  record Settings(
      int clients,
      int candidates,
      Duration warmup,
      Duration duration,
      long events,
      boolean unsignedScores,
      int bulkSize) {

    Settings(
        int clients,
        int candidates,
        Duration warmup,
        Duration duration,
        long events,
        boolean unsignedScores) {
      this(clients, candidates, warmup, duration, events, unsignedScores, 0);
    }
  }

  /** Told of every accepted score write (its event id) at the moment its answer arrived. */
  interface ScoreListener {
    void accepted(String eventId, long nanoTime);
  }

  static final class Result {
    final Histogram scores = Latencies.histogram();
    final Histogram setup = Latencies.histogram();
    final Histogram bulks = Latencies.histogram();
    long bulkScores;
    long bulkNanos;
    int clients;
    final Map<String, Long> refusals = new TreeMap<>();
    final List<String> firstRefusals = new ArrayList<>();
    long acceptedScores;
    long acceptedSetup;
    long sessionsStarted;
    double seconds;

    ObjectNode toJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      long accepted = acceptedScores + acceptedSetup;
      json.put("measuredSeconds", Math.round(seconds * 1000) / 1000.0);
      json.put("acceptedStatements", accepted);
      json.put("acceptedScores", acceptedScores);
      json.put("acceptedOtherStatements", acceptedSetup);
      json.put("sessionsStarted", sessionsStarted);
      json.put("statementsPerSecond", Math.round(accepted / seconds * 10) / 10.0);
      json.put("scoresPerSecond", Math.round(acceptedScores / seconds * 10) / 10.0);
      Histogram all = scores.copy();
      all.add(setup);
      ObjectNode latency = json.putObject("latency");
      latency.set("all", Latencies.toJson(all));
      latency.set("scores", Latencies.toJson(scores));
      latency.set("otherStatements", Latencies.toJson(setup));
      if (bulks.getTotalCount() > 0) {
        ObjectNode bulk = json.putObject("bulk");
        bulk.put("requests", bulks.getTotalCount());
        bulk.put("scores", bulkScores);
        bulk.put("scoresPerRequest", Math.round(bulkScores * 10.0 / bulks.getTotalCount()) / 10.0);
        bulk.set("requestLatency", Latencies.toJson(bulks));
        // the events a bulk request stores per second while the clients are in bulk requests:
        // what the endpoint sustains, without the single-statement setup between the sheets
        double busySeconds = bulkNanos / 1e9 / clients;
        bulk.put("eventsPerSecondInBulkRequests", Math.round(bulkScores / busySeconds * 10) / 10.0);
        latency.remove("scores");
      }
      ObjectNode refused = json.putObject("refused");
      refusals.forEach(refused::put);
      json.set(
          "firstRefusals",
          JsonNodeFactory.instance
              .arrayNode()
              .addAll(firstRefusals.stream().map(JsonNodeFactory.instance::textNode).toList()));
      return json;
    }
  }

  /** Refusals in a row at one client after which the whole run stops. */
  static final int MAX_REFUSED_IN_A_ROW = 50;

  private final Http http;
  private final Station station;
  private final Settings settings;
  private final ScoreListener listener;
  private final AtomicLong accepted = new AtomicLong();
  private volatile boolean stopped;
  private volatile long measureFrom;
  private int firstSession;

  LoadGenerator(Http http, Station station, Settings settings, ScoreListener listener) {
    this.http = http;
    this.station = station;
    this.settings = settings;
    this.listener = listener;
  }

  /**
   * Numbers each client's sessions from {@code first} on, so that a second run on the same station
   * writes new sessions instead of being refused as a repeat of the first run's.
   */
  LoadGenerator sessionsFrom(int first) {
    this.firstSession = first;
    return this;
  }

  Result run() throws InterruptedException {
    long start = System.nanoTime();
    measureFrom = start + settings.warmup().toNanos();
    List<Desk> desks = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < settings.clients(); c++) {
      Desk desk = new Desk(c);
      desks.add(desk);
      Thread t = new Thread(desk, "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    if (settings.events() <= 0) {
      long end = measureFrom + settings.duration().toNanos();
      while (System.nanoTime() < end && threads.stream().anyMatch(Thread::isAlive)) {
        Thread.sleep(Math.max(1, Math.min(200, (end - System.nanoTime()) / 1_000_000)));
      }
      stopped = true;
    }
    for (Thread t : threads) {
      t.join();
    }
    Result result = new Result();
    result.seconds = (System.nanoTime() - measureFrom) / 1e9;
    result.clients = settings.clients();
    for (Desk d : desks) {
      result.bulks.add(d.bulks);
      result.bulkScores += d.bulkScores;
      result.bulkNanos += d.bulkNanos;
      result.scores.add(d.scores);
      result.setup.add(d.setup);
      result.acceptedScores += d.acceptedScores;
      result.acceptedSetup += d.acceptedSetup;
      result.sessionsStarted += d.sessions;
      d.refusals.forEach((k, v) -> result.refusals.merge(k, v, Long::sum));
      for (String r : d.firstRefusals) {
        if (result.firstRefusals.size() < 5) {
          result.firstRefusals.add(r);
        }
      }
    }
    return result;
  }

  /** One client: its own examiner and proctor, its own sessions. */
  private final class Desk implements Runnable {
    private final int client;
    private final StatementSigner examiner;
    private final StatementSigner proctor;
    private final Random random;
    final Histogram scores = Latencies.histogram();
    final Histogram setup = Latencies.histogram();
    final Histogram bulks = Latencies.histogram();
    final Map<String, Long> refusals = new TreeMap<>();
    final List<String> firstRefusals = new ArrayList<>();
    long bulkScores;
    long bulkNanos;
    long acceptedScores;
    long acceptedSetup;
    long sessions;
    private long nonce;
    private int refusedInARow;

    Desk(int client) {
      this.client = client;
      this.examiner = station.examiner(client);
      this.proctor = station.proctor(client);
      this.random = new Random(20261128L + client);
    }

    @Override
    public void run() {
      StatementSigner admin = station.admin();
      for (int n = 0; !stopped; n++) {
        String session = String.format("S-B%02d-%05d", client, firstSession + n);
        String base = "/api/v1/sessions/" + session;
        if (!setup(
            "/api/v1/sessions",
            admin,
            StatementTypes.SESSION_SCHEDULE,
            session,
            station.sessionPayload())) {
          continue;
        }
        sessions++;
        boolean ok = true;
        List<String> candidates = new ArrayList<>();
        for (int k = 1; ok && k <= settings.candidates(); k++) {
          String candidate = String.format("C-%04d", k);
          candidates.add(candidate);
          ok =
              setup(
                  base + "/candidates",
                  admin,
                  StatementTypes.CANDIDATE_REGISTER,
                  session,
                  Station.candidatePayload(candidate));
        }
        ok =
            ok
                && generic(
                    admin,
                    "exam.staff.assign/v1",
                    session,
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("personId", examiner.actorId())
                        .put("role", "EXAMINER"));
        ok =
            ok
                && generic(
                    admin,
                    "exam.staff.assign/v1",
                    session,
                    JsonNodeFactory.instance
                        .objectNode()
                        .put("personId", proctor.actorId())
                        .put("role", "PROCTOR"));
        ok =
            ok
                && generic(
                    admin, "exam.session.open/v1", session, JsonNodeFactory.instance.objectNode());
        ok =
            ok
                && generic(
                    proctor,
                    "exam.proctor.notice-read/v1",
                    session,
                    Station.object("room", "R101"));
        ok =
            ok
                && generic(
                    admin, "exam.session.start/v1", session, JsonNodeFactory.instance.objectNode());
        if (settings.bulkSize() > 0) {
          List<String> sheet = new ArrayList<>();
          for (String candidate : candidates) {
            for (String component : station.componentIds()) {
              String score = (random.nextInt(station.maxScore() * 2) / 2.0) + "";
              sheet.add(
                  Station.sign(
                      examiner,
                      StatementTypes.SCORE_RECORD,
                      session,
                      Station.scorePayload(candidate, component, trim(score)),
                      nonce()));
            }
          }
          for (int from = 0; ok && from < sheet.size(); from += settings.bulkSize()) {
            ok =
                bulk(
                    base + "/scores/bulk",
                    sheet.subList(from, Math.min(sheet.size(), from + settings.bulkSize())));
          }
          continue;
        }
        for (int k = 0; ok && k < candidates.size(); k++) {
          for (String component : station.componentIds()) {
            String score = (random.nextInt(station.maxScore() * 2) / 2.0) + "";
            ok =
                score(
                    base + "/candidates/" + candidates.get(k) + "/scores",
                    session,
                    Station.scorePayload(candidates.get(k), component, trim(score)));
            if (!ok) {
              break;
            }
          }
        }
      }
    }

    private String trim(String decimal) {
      return decimal.endsWith(".0") ? decimal.substring(0, decimal.length() - 2) : decimal;
    }

    private String nonce() {
      // a later run on the same station (sessionsFrom) must not repeat an earlier run's nonces
      return "b" + client + "-" + (firstSession == 0 ? "" : firstSession + "-") + (++nonce);
    }

    private boolean generic(StatementSigner actor, String type, String session, JsonNode payload) {
      return setup("/api/v1/statements", actor, type, session, payload);
    }

    private boolean setup(
        String path, StatementSigner actor, String type, String session, JsonNode payload) {
      if (stopped) {
        return false;
      }
      String body = Station.sign(actor, type, session, payload, nonce());
      Http.Response r = http.post(path, body, actor.actorId());
      return record(r, setup, false);
    }

    private boolean score(String path, String session, JsonNode payload) {
      if (stopped) {
        return false;
      }
      String body =
          settings.unsignedScores()
              ? Station.unsigned(
                  examiner.actorId(), StatementTypes.SCORE_RECORD, session, payload, nonce())
              : Station.sign(examiner, StatementTypes.SCORE_RECORD, session, payload, nonce());
      Http.Response r = http.post(path, body, examiner.actorId());
      boolean ok = record(r, scores, true);
      if (ok && listener != null) {
        String eventId = r.member("eventId");
        if (eventId != null) {
          listener.accepted(eventId, System.nanoTime());
        }
      }
      return ok;
    }

    /** The statements (signed before the request starts) in one bulk request. */
    private boolean bulk(String path, List<String> statements) {
      if (stopped) {
        return false;
      }
      String body = "{\"statements\":[" + String.join(",", statements) + "]}";
      Http.Response r = http.post(path, body, examiner.actorId());
      boolean measured = System.nanoTime() - r.nanos() >= measureFrom;
      boolean ok = record(r, bulks, true, statements.size());
      if (ok && measured) {
        bulkScores += statements.size();
        bulkNanos += r.nanos();
      }
      return ok;
    }

    private boolean record(Http.Response r, Histogram histogram, boolean isScore) {
      return record(r, histogram, isScore, 1);
    }

    private boolean record(Http.Response r, Histogram histogram, boolean isScore, int statements) {
      long startedAt = System.nanoTime() - r.nanos();
      boolean measured = startedAt >= measureFrom;
      if (r.accepted()) {
        refusedInARow = 0;
        if (measured) {
          Latencies.recordNanos(histogram, r.nanos());
          if (isScore) {
            acceptedScores += statements;
          } else {
            acceptedSetup++;
          }
        }
        if (settings.events() > 0 && accepted.addAndGet(statements) >= settings.events()) {
          stopped = true;
        }
        return true;
      }
      refusals.merge(r.rule(), 1L, Long::sum);
      if (firstRefusals.size() < 5) {
        firstRefusals.add(r.status() + " " + r.body());
      }
      if (++refusedInARow >= MAX_REFUSED_IN_A_ROW) {
        // a broken setup (wrong accounts, a stopped server) would otherwise spin for ever
        stopped = true;
      }
      return false;
    }
  }
}
