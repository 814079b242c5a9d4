package org.examledger.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.api.admission.StatementDispatcher;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.Eligibility;
import org.examledger.exam.ExamType;
import org.examledger.exam.ScoreComponent;
import org.examledger.keys.ActorRole;
import org.examledger.statements.RecordScorePayload;
import org.examledger.statements.RegisterCandidatePayload;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.ScheduleSessionPayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads one demo session with three candidates and their scores, once: on a second start the
 * session exists and nothing is sent again. Enabled by {@code ledger.demo.enabled=true}.
 *
 * <p>Every write is a signed statement admitted like an HTTP request. The demo actors' Ed25519 keys
 * come from fixed seeds (SHA-256 of "examledger demo key " + actor), so they are public and good
 * for nothing but the demo; the demo administrator's key is the registry's genesis key.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoSeason implements ApplicationRunner {

  static final String SESSION_ID = "S-DEMO-2026-CNC-4";
  static final String SUBMITTER = "demo-loader";
  static final String ROOM = "R101";
  static final String VERIFIED_COMPLAINT = "CPL-DEMO-0001";

  /** The demo station's document-hash secret: public, like the demo keys. */
  private static final Bytes DEMO_SECRET = Bytes.utf8("examledger demo station secret");

  private static final Logger log = LoggerFactory.getLogger(DemoSeason.class);

  private final Admission admission;
  private final StatementDispatcher dispatcher;
  private final KeyRegistryView registry;
  private final EventStore eventStore;
  private final Clock clock;
  private int nonce;

  DemoSeason(
      Admission admission,
      StatementDispatcher dispatcher,
      KeyRegistryView registry,
      EventStore eventStore,
      Clock clock) {
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.registry = registry;
    this.eventStore = eventStore;
    this.clock = clock;
  }

  /** The demo actor's signer: Ed25519 from a fixed, published seed. */
  static StatementSigner demoActor(String actor) {
    Bytes seed = Digests.sha256(Bytes.utf8("examledger demo key " + actor)).value();
    return new StatementSigner(actor, Signers.ed25519FromSeed(seed));
  }

  @Override
  public void run(ApplicationArguments args) {
    if (alreadyLoaded()) {
      log.info("demo session {} already in the ledger; nothing loaded", SESSION_ID);
      return;
    }
    StatementSigner admin = demoActor("admin-01");
    StatementSigner examiner07 = demoActor("examiner-07");
    StatementSigner examiner11 = demoActor("examiner-11");
    StatementSigner proctor03 = demoActor("proctor-03");
    String adminKey = admin.signer().publicKey().keyId().value();
    if (registry.find(adminKey).isEmpty()) {
      if (!registry.isEmpty()) {
        log.error(
            "demo not loaded: the key registry already holds keys but not the demo administrator's;"
                + " run the demo on a data folder of its own");
        return;
      }
      registerKey(admin, admin, ActorRole.STATION_ADMIN);
    }
    registerKey(admin, examiner07, ActorRole.EXAMINER);
    registerKey(admin, examiner11, ActorRole.EXAMINER);
    registerKey(admin, proctor03, ActorRole.PROCTOR);

    Instant start = Instant.parse("2026-06-13T01:00:00Z");
    submit(
        admin,
        StatementTypes.SESSION_SCHEDULE,
        SESSION_ID,
        new ScheduleSessionPayload(
                "CNC lathe operator",
                4,
                ExamType.REGULAR,
                new BigDecimal("60"),
                List.of(
                    ScoreComponent.singleMarked("theory", "Theory paper", new BigDecimal("40")),
                    ScoreComponent.singleMarked(
                        "practical", "Turning a stepped shaft", new BigDecimal("60"))),
                List.of(ROOM),
                start,
                start.plusSeconds(4 * 3600))
            .toJson());
    String[][] scores = {
      {"C-2026-0001", "35", "48.5"},
      {"C-2026-0002", "22", "37"},
      {"C-2026-0003", "30", null},
    };
    for (String[] row : scores) {
      submit(
          admin,
          StatementTypes.CANDIDATE_REGISTER,
          SESSION_ID,
          new RegisterCandidatePayload(
                  row[0],
                  ROOM,
                  new Eligibility("CNC lathe operator level 3", "240 h, demo training centre"),
                  List.of(
                      DocumentRef.keyed(
                          DocumentType.ADMISSION_TICKET, "DEMO-" + row[0], DEMO_SECRET)))
              .toJson());
    }
    // the station's morning: staff assigned, session opened, notice read, exam started
    for (String[] staff :
        new String[][] {
          {"examiner-07", "EXAMINER"}, {"examiner-11", "EXAMINER"}, {"proctor-03", "PROCTOR"}
        }) {
      submit(
          admin,
          "exam.staff.assign/v1",
          SESSION_ID,
          JsonNodeFactory.instance.objectNode().put("personId", staff[0]).put("role", staff[1]));
    }
    submit(admin, "exam.session.open/v1", SESSION_ID, JsonNodeFactory.instance.objectNode());
    submit(
        proctor03,
        "exam.proctor.notice-read/v1",
        SESSION_ID,
        JsonNodeFactory.instance.objectNode().put("room", ROOM));
    submit(admin, "exam.session.start/v1", SESSION_ID, JsonNodeFactory.instance.objectNode());
    for (String[] row : scores) {
      submit(
          examiner07,
          StatementTypes.SCORE_RECORD,
          SESSION_ID,
          new RecordScorePayload(row[0], "theory", new BigDecimal(row[1])).toJson());
      if (row[2] != null) {
        submit(
            examiner11,
            StatementTypes.SCORE_RECORD,
            SESSION_ID,
            new RecordScorePayload(row[0], "practical", new BigDecimal(row[2])).toJson());
      }
    }
    complaints(admin, examiner11);
    log.info(
        "demo loaded: session {} with {} candidates; try GET"
            + " /api/v1/sessions/{}/candidates/C-2026-0001/result-sheet, /api/v1/complaints and"
            + " /api/v1/people/examiner-11/complaints",
        SESSION_ID,
        scores.length,
        SESSION_ID);
  }

  /**
   * Two complaints: one verified (examiner-11 is suspended from now for the configured period and
   * what they sign is kept as evidence only), one received directly at the guidance centre and
   * still open.
   */
  private void complaints(StatementSigner admin, StatementSigner examiner11) {
    StatementSigner clerk = demoActor("clerk-02");
    StatementSigner supervisor = demoActor("supervisor-01");
    registerKey(admin, clerk, ActorRole.CLERK);
    registerKey(admin, supervisor, ActorRole.SUPERVISOR);
    JsonNodeFactory f = JsonNodeFactory.instance;
    submit(
        clerk,
        "complaint.file/v1",
        VERIFIED_COMPLAINT,
        f.objectNode()
            .put("respondentId", "examiner-11")
            .put("respondentRole", "EXAMINER")
            .put("sessionId", SESSION_ID)
            .put("candidateId", "C-2026-0002")
            .put("channel", "THROUGH_STATION")
            .put("summary", "practical mark given without measuring the part"));
    submit(
        supervisor,
        "complaint.investigator.assign/v1",
        VERIFIED_COMPLAINT,
        f.objectNode().put("investigatorId", "supervisor-01"));
    submit(
        supervisor,
        "complaint.evidence.link/v1",
        VERIFIED_COMPLAINT,
        f.objectNode()
            .put("kind", "DOCUMENT")
            .put(
                "reference",
                Digests.sha256(Bytes.utf8("demo: measurement sheet of C-2026-0002")).value().hex())
            .put("description", "the workshop's measurement sheet, scanned"));
    submit(
        supervisor,
        "complaint.decide/v1",
        VERIFIED_COMPLAINT,
        f.objectNode()
            .put("outcome", "VERIFIED")
            .put("reasons", "the part was never measured; the mark has no basis"));
    submit(
        supervisor,
        "complaint.file/v1",
        "CPL-DEMO-0002",
        f.objectNode()
            .put("respondentId", "proctor-03")
            .put("respondentRole", "PROCTOR")
            .put("sessionId", SESSION_ID)
            .put("channel", "DIRECT_TO_CENTRE")
            .put("summary", "phones left on desks during the theory paper"));
  }

  private void registerKey(StatementSigner admin, StatementSigner owner, ActorRole role) {
    String keyId = owner.signer().publicKey().keyId().value();
    if (registry.find(keyId).isPresent()) {
      return;
    }
    Instant now = clock.instant();
    submit(
        admin,
        StatementTypes.KEYS_REGISTER,
        keyId,
        new RegisterKeyPayload(owner.actorId(), role, owner.signer().publicKey(), now).toJson());
  }

  private void submit(StatementSigner actor, String type, String subject, JsonNode payload) {
    Instant issuedAt = clock.instant();
    String body =
        actor.sign(type, subject, payload, issuedAt, "demo-" + issuedAt + "-" + (++nonce)).toJson();
    dispatcher.dispatch(admission.admit(body, Set.of(type)), SUBMITTER);
  }

  private boolean alreadyLoaded() {
    return eventStore.lastSequenceNumberFor(SESSION_ID).isPresent();
  }
}
