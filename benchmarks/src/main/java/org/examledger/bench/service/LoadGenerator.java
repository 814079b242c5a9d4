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
   * @param sheets the sheet phase ({@link #runSheets}): sessions per client whose score sheets are
   *     submitted in bulk on the clock, everything else prepared before it (0: no sheet phase)
   * @param warmupSheets sessions per client submitted in bulk before the clock starts (JIT, caches)
   */
  record Settings(
      int clients,
      int candidates,
      Duration warmup,
      Duration duration,
      long events,
      boolean unsignedScores,
      int bulkSize,
      int sheets,
      int warmupSheets) {

    Settings(
        int clients,
        int candidates,
        Duration warmup,
        Duration duration,
        long events,
        boolean unsignedScores,
        int bulkSize) {
      this(clients, candidates, warmup, duration, events, unsignedScores, bulkSize, 0, 0);
    }

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

    /** The sheet phase's wall clock, from the first bulk request to the last answer. */
    double sheetSeconds;

    /** Where the machine's CPU went during the measured phase, when it was accounted. */
    CpuAccount cpu;

    /** The server's profile over the measured phase, when one was taken. */
    PhaseProfiler profiler;

    /** What was observed over the measured phase: its CPU ({@code cpu}) and profile file. */
    private void putPhase(ObjectNode json, long events) {
      if (cpu != null) {
        json.set("cpu", cpu.toJson(events));
      }
      if (profiler != null) {
        json.put("profile", profiler.out().toString());
      }
    }

    private void putRefusals(ObjectNode json) {
      ObjectNode refused = json.putObject("refused");
      refusals.forEach(refused::put);
      json.set(
          "firstRefusals",
          JsonNodeFactory.instance
              .arrayNode()
              .addAll(firstRefusals.stream().map(JsonNodeFactory.instance::textNode).toList()));
    }

    /** The sheet phase ({@link #runSheets}): only bulk requests are on the clock. */
    ObjectNode sheetsToJson() {
      ObjectNode json = JsonNodeFactory.instance.objectNode();
      json.put("clients", clients);
      json.put("sessions", sessionsStarted);
      json.put("bulkRequests", bulks.getTotalCount());
      json.put("scores", bulkScores);
      json.put("scoresPerRequest", Math.round(bulkScores * 10.0 / bulks.getTotalCount()) / 10.0);
      json.put("measuredSeconds", Math.round(sheetSeconds * 1000) / 1000.0);
      json.put("eventsPerSecond", Math.round(bulkScores / sheetSeconds * 10) / 10.0);
      json.set("requestLatency", Latencies.toJson(bulks));
      putRefusals(json);
      putPhase(json, bulkScores);
      return json;
    }

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
      putRefusals(json);
      putPhase(json, accepted);
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
  private CpuAccount cpu;
  private PhaseProfiler profiler;

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

  /**
   * Accounts the machine's CPU over the measured phase (the duration after the warm-up, or the
   * measured sheets) with {@code cpu}; the result carries it as {@code cpu}.
   */
  LoadGenerator accountCpu(CpuAccount cpu) {
    this.cpu = cpu;
    return this;
  }

  /** Profiles the server over the measured phase with {@code profiler} (null: no profile). */
  LoadGenerator profile(PhaseProfiler profiler) {
    this.profiler = profiler;
    return this;
  }

  private boolean observed() {
    return cpu != null || profiler != null;
  }

  private void phaseStarted() {
    if (profiler != null) {
      profiler.start();
    }
    if (cpu != null) {
      cpu.start();
    }
  }

  /** The CPU account first: the profiler's writing of its file is not the phase's. */
  private void phaseEnded() {
    if (cpu != null) {
      cpu.stop();
    }
    if (profiler != null) {
      profiler.stop();
    }
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
    boolean accounted = false;
    if (settings.events() <= 0) {
      try {
        if (observed()) {
          accounted = sleepUntil(measureFrom, threads);
          if (accounted) {
            phaseStarted();
          }
        }
        sleepUntil(measureFrom + settings.duration().toNanos(), threads);
        if (accounted) {
          phaseEnded();
        }
      } finally {
        stopped = true; // also when the profiler could not attach: the clients stop
      }
    }
    for (Thread t : threads) {
      t.join();
    }
    Result result = new Result();
    result.seconds = (System.nanoTime() - measureFrom) / 1e9;
    result.clients = settings.clients();
    if (accounted) {
      result.cpu = cpu;
      result.profiler = profiler;
    }
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

  /**
   * Sleeps until {@code deadline} (System.nanoTime) or until every client has stopped.
   *
   * @return whether the deadline came with a client still running
   */
  private static boolean sleepUntil(long deadline, List<Thread> threads)
      throws InterruptedException {
    while (System.nanoTime() < deadline) {
      if (threads.stream().noneMatch(Thread::isAlive)) {
        return false;
      }
      Thread.sleep(Math.max(1, Math.min(200, (deadline - System.nanoTime()) / 1_000_000)));
    }
    return true;
  }

  /**
   * The exam-day sheet phase: every client first prepares {@code warmupSheets + sheets} sessions
   * (scheduled, candidates registered, staff assigned, opened, notice read, started) and signs
   * their score sheets, all before any clock; then the warm-up sheets are submitted in bulk,
   * unmeasured; then, all clients starting together, the measured sheets. Only bulk requests are
   * timed, and {@code eventsPerSecond} is the scores they stored over the phase's wall clock.
   */
  Result runSheets() throws InterruptedException {
    measureFrom = Long.MAX_VALUE;
    int clients = settings.clients();
    java.util.concurrent.CyclicBarrier prepared =
        new java.util.concurrent.CyclicBarrier(clients + 1);
    long[] start = new long[1];
    RuntimeException[] phaseFailure = new RuntimeException[1];
    // the barrier's action runs before any client is let go: no measured request starts earlier
    java.util.concurrent.CyclicBarrier warmedUp =
        new java.util.concurrent.CyclicBarrier(
            clients + 1,
            () -> {
              try {
                phaseStarted();
              } catch (RuntimeException e) {
                phaseFailure[0] = e; // answered by the main thread, whichever thread ran this
                throw e;
              }
              start[0] = System.nanoTime();
              measureFrom = start[0];
            });
    List<Desk> desks = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      Desk desk = new Desk(c);
      desks.add(desk);
      Thread t =
          new Thread(
              () -> {
                try {
                  List<List<String>> warm = desk.prepareSheets(0, settings.warmupSheets());
                  List<List<String>> measured =
                      desk.prepareSheets(settings.warmupSheets(), settings.sheets());
                  prepared.await();
                  desk.submitSheets(warm);
                  warmedUp.await();
                  desk.submitSheets(measured);
                } catch (InterruptedException | java.util.concurrent.BrokenBarrierException e) {
                  Thread.currentThread().interrupt();
                }
              },
              "bench-client-" + c);
      threads.add(t);
      t.start();
    }
    try {
      prepared.await();
      BenchMain.progress("sheets: prepared, warm-up sheets ...");
      warmedUp.await();
    } catch (java.util.concurrent.BrokenBarrierException e) {
      if (phaseFailure[0] != null) {
        throw phaseFailure[0];
      }
      throw new IllegalStateException("a client stopped while preparing its sessions", e);
    }
    for (Thread t : threads) {
      t.join();
    }
    Result result = new Result();
    result.sheetSeconds = (System.nanoTime() - start[0]) / 1e9;
    phaseEnded();
    result.cpu = cpu;
    result.profiler = profiler;
    result.clients = clients;
    for (Desk d : desks) {
      result.bulks.add(d.bulks);
      result.bulkScores += d.bulkScores;
      result.sessionsStarted += settings.sheets();
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
      for (int n = 0; !stopped; n++) {
        String session = String.format("S-B%02d-%05d", client, firstSession + n);
        String base = "/api/v1/sessions/" + session;
        List<String> candidates = new ArrayList<>();
        if (!schedule(session)) {
          continue;
        }
        sessions++;
        boolean ok = prepare(session, candidates);
        if (settings.bulkSize() > 0) {
          List<String> sheet = signSheet(session, candidates);
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

    /**
     * Sessions {@code from .. from + count - 1} of this client, ready to be scored, and each one's
     * score sheet signed: the bulk bodies' statements, in bulks of {@code bulkSize}.
     */
    List<List<String>> prepareSheets(int from, int count) {
      List<List<String>> bulks = new ArrayList<>();
      for (int n = from; n < from + count; n++) {
        String session = String.format("S-B%02d-%05d", client, firstSession + n);
        List<String> candidates = new ArrayList<>();
        if (!schedule(session) || !prepare(session, candidates)) {
          throw new IllegalStateException(
              "session " + session + " could not be prepared: " + firstRefusals);
        }
        List<String> sheet = signSheet(session, candidates);
        int size = settings.bulkSize() > 0 ? settings.bulkSize() : sheet.size();
        for (int i = 0; i < sheet.size(); i += size) {
          List<String> bulk = new ArrayList<>();
          bulk.add("/api/v1/sessions/" + session + "/scores/bulk");
          bulk.addAll(sheet.subList(i, Math.min(sheet.size(), i + size)));
          bulks.add(bulk);
        }
      }
      return bulks;
    }

    /** Each prepared bulk (its path first, then its statements) in its own request. */
    void submitSheets(List<List<String>> bulks) {
      for (List<String> b : bulks) {
        bulk(b.get(0), b.subList(1, b.size()));
      }
    }

    private boolean schedule(String session) {
      return setup(
          "/api/v1/sessions",
          station.admin(),
          StatementTypes.SESSION_SCHEDULE,
          session,
          station.sessionPayload());
    }

    /**
     * A scheduled session made ready to be scored: its candidates (added to {@code candidates})
     * registered, examiner and proctor assigned, opened, the Candidate Notice read, started.
     */
    private boolean prepare(String session, List<String> candidates) {
      StatementSigner admin = station.admin();
      String base = "/api/v1/sessions/" + session;
      boolean ok = true;
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
      ok = ok && staff(admin, session, examiner.actorId(), "EXAMINER");
      ok = ok && staff(admin, session, proctor.actorId(), "PROCTOR");
      ok =
          ok
              && generic(
                  admin, "exam.session.open/v1", session, JsonNodeFactory.instance.objectNode());
      ok =
          ok
              && generic(
                  proctor, "exam.proctor.notice-read/v1", session, Station.object("room", "R101"));
      return ok
          && generic(
              admin, "exam.session.start/v1", session, JsonNodeFactory.instance.objectNode());
    }

    /** Every candidate's score for every component, signed by the examiner now. */
    private List<String> signSheet(String session, List<String> candidates) {
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
      return sheet;
    }

    private boolean staff(StatementSigner admin, String session, String person, String role) {
      return generic(
          admin,
          "exam.staff.assign/v1",
          session,
          JsonNodeFactory.instance.objectNode().put("personId", person).put("role", role));
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
