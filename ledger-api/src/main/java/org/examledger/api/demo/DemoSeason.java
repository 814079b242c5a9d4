package org.examledger.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.kagkarlsson.scheduler.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.api.admission.StatementDispatcher;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.api.security.AccountRole;
import org.examledger.api.security.Accounts;
import org.examledger.api.verify.InProcessVerification;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.examledger.flags.ReviewedFlag;
import org.examledger.keys.ActorRole;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.examledger.verify.VerificationReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Loads the demo season ({@link SeasonScript}) once: on a second start the demo session exists and
 * nothing is sent again. Enabled by {@code ledger.demo.enabled=true}; the number of candidates is
 * {@code ledger.demo.candidates} (default 1,305, the brief's station).
 *
 * <p>Every write is a signed statement (or, for the planted unsigned marks, an unsigned entry)
 * admitted like an HTTP request. The demo actors' Ed25519 keys come from fixed seeds (SHA-256 of
 * "examledger demo key " + actor), so they are public and good for nothing but the demo; the demo
 * administrator's key is the registry's genesis key.
 *
 * <p>Determinism: the loader runs on one thread in a fixed order; while it runs, the service's
 * clock and Axon's event clock answer the script's demo time, Axon's identifiers on this thread are
 * numbered ({@link DemoIdentifierFactory}), and the persistent-deadline scheduler is paused (the
 * suspension's period end, long past in real time, would otherwise fire at a random point of the
 * load). Afterwards the real clock, random identifiers and the scheduler are back.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
public class DemoSeason implements ApplicationRunner {

  static final String SESSION_ID = SeasonScript.DEMO_SESSION;
  static final String SUBMITTER = "demo-loader";

  /** The problems the default-size season plants, for the flag engine's tests. */
  public static final List<PlantedProblem> PLANTED =
      SeasonScript.planted(SeasonScript.DEFAULT_CANDIDATES);

  private static final Logger log = LoggerFactory.getLogger(DemoSeason.class);

  private final Admission admission;
  private final StatementDispatcher dispatcher;
  private final KeyRegistryView registry;
  private final EventStore eventStore;
  private final Clock clock;
  private final ObjectProvider<Scheduler> scheduler;
  private final int candidates;
  private final Map<String, StatementSigner> signers = new HashMap<>();
  private int nonce;

  private final ObjectProvider<LedgerFlags> flags;
  private final ObjectProvider<DataSource> dataSource;
  private final ObjectProvider<NoteSigner> logSigner;
  private final ObjectProvider<Accounts> accounts;

  DemoSeason(
      Admission admission,
      StatementDispatcher dispatcher,
      KeyRegistryView registry,
      EventStore eventStore,
      Clock clock,
      ObjectProvider<Scheduler> scheduler,
      ObjectProvider<LedgerFlags> flags,
      ObjectProvider<DataSource> dataSource,
      ObjectProvider<NoteSigner> logSigner,
      ObjectProvider<Accounts> accounts,
      @Value("${ledger.demo.candidates:" + SeasonScript.DEFAULT_CANDIDATES + "}") int candidates) {
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.registry = registry;
    this.eventStore = eventStore;
    this.clock = clock;
    this.scheduler = scheduler;
    this.flags = flags;
    this.dataSource = dataSource;
    this.logSigner = logSigner;
    this.accounts = accounts;
    this.candidates = candidates;
  }

  /** The demo actor's signer: Ed25519 from a fixed, published seed. */
  static StatementSigner demoActor(String actor) {
    Bytes seed = Digests.sha256(Bytes.utf8("examledger demo key " + actor)).value();
    return new StatementSigner(actor, Signers.ed25519FromSeed(seed));
  }

  /** The problems a season of this size plants. */
  public static List<PlantedProblem> planted(int candidates) {
    return SeasonScript.planted(candidates);
  }

  /**
   * The demo's accounts, one per role, for trying the API: each signs in with its name and the
   * published password "NAME-demo-pass" (docs/demo-season.md). Made once, on an empty account table
   * only.
   */
  static final List<DemoAccount> ACCOUNTS =
      List.of(
          new DemoAccount("auditor", "auditor-01", AccountRole.AUDITOR),
          new DemoAccount("supervisor", SeasonScript.SUPERVISOR, AccountRole.SUPERVISOR),
          new DemoAccount("admin", SeasonScript.ADMIN, AccountRole.STATION_ADMIN),
          new DemoAccount("examiner", SeasonScript.RESPONDENT, AccountRole.EXAMINER),
          new DemoAccount("clerk", SeasonScript.CLERK, AccountRole.CLERK),
          new DemoAccount("witness", "witness-01", AccountRole.WITNESS));

  /** A demo account: name, the actor it signs as, its role. */
  record DemoAccount(String username, String actorId, AccountRole role) {
    /** The published demo password. */
    public String password() {
      return username + "-demo-pass";
    }
  }

  /**
   * Every identity document number a season of this size hashes into its statements (ID cards, the
   * forged card, admission tickets): none of them may be stored or logged in the clear.
   */
  public static List<String> documentNumbers(int candidates) {
    return SeasonScript.documentNumbers(candidates);
  }

  @Override
  public void run(ApplicationArguments args) {
    Accounts known = accounts.getIfAvailable();
    if (known != null && known.isEmpty()) {
      for (DemoAccount a : ACCOUNTS) {
        known.add(a.username(), a.password().toCharArray(), Set.of(a.role()), a.actorId());
      }
      log.info(
          "demo accounts (password NAME-demo-pass, e.g. curl -u auditor:auditor-demo-pass ...): {}",
          ACCOUNTS.stream().map(a -> a.username() + " " + a.role()).toList());
    }
    if (eventStore.lastSequenceNumberFor(SESSION_ID).isPresent()) {
      log.info("demo session {} already in the ledger; nothing loaded", SESSION_ID);
      return;
    }
    if (!registry.isEmpty()) {
      log.error(
          "demo not loaded: the key registry already holds keys; run the demo on a data folder"
              + " of its own");
      return;
    }
    if (!(clock instanceof DemoClock demoClock)) {
      throw new IllegalStateException("the demo needs its DemoClock as the service's clock");
    }
    Scheduler deadlines = scheduler.getIfAvailable();
    Clock axonClock = GenericEventMessage.clock;
    long started = System.nanoTime();
    int total = countStatements();
    log.info("demo: loading a season of {} candidates, {} statements ...", candidates, total);
    if (deadlines != null) {
      deadlines.pause();
    }
    GenericEventMessage.clock = demoClock;
    try {
      DemoIdentifierFactory.deterministic(
          () -> new SeasonScript(candidates, new Loader(demoClock, total, started)).run());
    } finally {
      GenericEventMessage.clock = axonClock;
      demoClock.release();
      if (deadlines != null) {
        deadlines.resume();
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    log.info(
        "demo loaded: {} statements in {} s ({} per second); {} planted problems (docs/demo-season.md)."
            + " The sequencer seals about 90 events a second, so the log catches up a while"
            + " longer. Where to look:\n"
            + "  sign in        HTTP Basic, e.g. curl -u auditor:auditor-demo-pass (docs/demo-season.md)\n"
            + "  result sheet   GET /api/v1/sessions/{}/candidates/C-2026-0001/result-sheet\n"
            + "  session        GET /api/v1/sessions/{}/history\n"
            + "  complaints     GET /api/v1/complaints/{} and /api/v1/people/{}/complaints\n"
            + "  statistics     GET /api/v1/statistics/2026 and /api/v1/complaints/statistics?year=2026\n"
            + "  flags          GET /api/v1/flags (every planted problem; docs/demo-season.md)\n"
            + "  bunching       GET /api/v1/bunching?year=2026 and ?examiner=examiner-23\n"
            + "  examiners      GET /api/v1/examiners (leniency index)\n"
            + "  log            GET /api/v1/log/checkpoint (POST it to sign one now)\n"
            + "  verify         ./ledger verify --data-dir <this data dir> (with the service stopped)\n"
            + "  auditor        LEDGER_PASSWORD=auditor-demo-pass ./ledger export --server URL --user"
            + " auditor --session {} --out demo.zip, then"
            + " ./ledger verify-bundle demo.zip and ./ledger replay demo.zip"
            + " (docs/auditor-guide.md)",
        total,
        String.format("%.1f", seconds),
        String.format("%.0f", total / seconds),
        planted(candidates).size(),
        SESSION_ID,
        SESSION_ID,
        SeasonScript.VERIFIED_COMPLAINT,
        SeasonScript.RESPONDENT,
        SESSION_ID);
    Map<String, Long> byRule = new TreeMap<>();
    for (ReviewedFlag f : flags.getObject().flags(clock.instant())) {
      byRule.merge(f.flag().ruleId() + " " + f.flag().status(), 1L, Long::sum);
    }
    log.info(
        "demo flags found (rule status: count; GET /api/v1/flags lists them with explanations):"
            + " {}",
        byRule);
    Thread verification = new Thread(this::verifyWhenSealed, "demo-verification");
    verification.setDaemon(true);
    verification.start();
  }

  /**
   * Once the sequencer has sealed every event, runs the same checks as {@code ./ledger verify} over
   * the service's own database and logs the result.
   */
  private void verifyWhenSealed() {
    try {
      JdbcTemplate jdbc = new JdbcTemplate(dataSource.getObject());
      long deadline = System.nanoTime() + java.time.Duration.ofMinutes(15).toNanos();
      while (true) {
        Long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        Long leaves = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_leaf", Long.class);
        if (events != null && events.equals(leaves)) {
          break;
        }
        if (System.nanoTime() > deadline) {
          log.warn("demo verification: the log has not sealed every event after 15 minutes");
          return;
        }
        Thread.sleep(2000);
      }
      VerificationReport report =
          InProcessVerification.run(dataSource.getObject(), logSigner.getObject().verifierKey());
      if (report.ok()) {
        log.info("demo verification (as ./ledger verify): {}", report.summary());
      } else {
        log.error("demo verification FAILED:\n{}", report.toText());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      log.info("demo verification did not complete: {}", e.getMessage());
    }
  }

  private int countStatements() {
    int[] n = {0};
    new SeasonScript(
            candidates,
            new SeasonScript.Sender() {
              @Override
              public Map<String, Object> signed(
                  String actor, String type, String subject, JsonNode payload) {
                n[0]++;
                return Map.of("eventId", "count");
              }

              @Override
              public Map<String, Object> unsigned(
                  String actor, String submitter, String type, String subject, JsonNode payload) {
                n[0]++;
                return Map.of("eventId", "count");
              }

              @Override
              public void registerKey(String actor, String role) {
                n[0]++;
              }

              @Override
              public void at(Instant at) {}
            })
        .run();
    return n[0];
  }

  /** Sends the script's statements through admission, at the script's time. */
  private final class Loader implements SeasonScript.Sender {
    private final DemoClock demoClock;
    private final int total;
    private final long started;
    private Instant now = Instant.EPOCH;
    private int sent;

    Loader(DemoClock demoClock, int total, long started) {
      this.demoClock = demoClock;
      this.total = total;
      this.started = started;
    }

    @Override
    public void at(Instant at) {
      if (at.isAfter(now)) {
        now = at;
      }
    }

    /** Each statement one second after the last, never before the script's time. */
    private Instant tick() {
      now = now.plusSeconds(1);
      demoClock.set(now);
      return now;
    }

    @Override
    public Map<String, Object> signed(String actor, String type, String subject, JsonNode payload) {
      StatementSigner signer = signers.computeIfAbsent(actor, DemoSeason::demoActor);
      Instant issuedAt = tick();
      String body = signer.sign(type, subject, payload, issuedAt, "demo-" + (++nonce)).toJson();
      return send(body, type);
    }

    @Override
    public Map<String, Object> unsigned(
        String actor, String submitter, String type, String subject, JsonNode payload) {
      Instant issuedAt = tick();
      ObjectNode statement =
          JsonNodeFactory.instance
              .objectNode()
              .put("v", 1)
              .put("type", type)
              .put("subject", subject);
      statement.set("payload", payload);
      statement.put("actor", actor).put("issuedAt", issuedAt.toString());
      statement.put("nonce", "demo-" + (++nonce));
      ObjectNode body = JsonNodeFactory.instance.objectNode();
      body.set("statement", statement);
      return dispatcher.dispatch(admission.admit(body.toString(), Set.of(type)), submitter);
    }

    @Override
    public void registerKey(String actor, String role) {
      StatementSigner admin = signers.computeIfAbsent(SeasonScript.ADMIN, DemoSeason::demoActor);
      StatementSigner owner = signers.computeIfAbsent(actor, DemoSeason::demoActor);
      String keyId = owner.signer().publicKey().keyId().value();
      Instant validFrom = tick();
      String body =
          admin
              .sign(
                  StatementTypes.KEYS_REGISTER,
                  keyId,
                  new RegisterKeyPayload(
                          actor, ActorRole.valueOf(role), owner.signer().publicKey(), validFrom)
                      .toJson(),
                  validFrom,
                  "demo-" + (++nonce))
              .toJson();
      send(body, StatementTypes.KEYS_REGISTER);
    }

    private Map<String, Object> send(String body, String type) {
      Map<String, Object> result =
          dispatcher.dispatch(admission.admit(body, Set.of(type)), SUBMITTER);
      if (++sent % 1000 == 0) {
        double seconds = (System.nanoTime() - started) / 1e9;
        log.info(
            "demo: {} of {} statements sent ({} s, demo time {})",
            sent,
            total,
            String.format("%.0f", seconds),
            now);
      }
      return result;
    }
  }
}
