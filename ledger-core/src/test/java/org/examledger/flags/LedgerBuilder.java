package org.examledger.flags;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import org.examledger.complaints.RespondentReinstatedEvent;
import org.examledger.complaints.RespondentSuspendedEvent;
import org.examledger.exam.CandidateNoticeReadEvent;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.CorrectionReason;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.Eligibility;
import org.examledger.exam.ExamType;
import org.examledger.exam.IdentityCheckMethod;
import org.examledger.exam.IdentityCheckResult;
import org.examledger.exam.IdentityCheckedEvent;
import org.examledger.exam.IncidentCategory;
import org.examledger.exam.IncidentRecordedEvent;
import org.examledger.exam.IncidentResolvedEvent;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.NoticeReadingMethod;
import org.examledger.exam.Provenance;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionEndedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.SessionStartedEvent;
import org.examledger.exam.StaffAssignedEvent;
import org.examledger.exam.StaffRole;
import org.examledger.exam.StaffUnassignedEvent;
import org.examledger.exam.SuspendedActorStatementRecordedEvent;

/**
 * Builds event fixtures: every event gets the next id ({@code e1}, {@code e2}...) and a {@code
 * receivedAt} one minute after the previous one, from a fixed start. Events are validly signed
 * unless {@link #unsigned()} or {@link #invalid(String)} was called just before.
 */
final class LedgerBuilder {

  static final Instant T0 = Instant.parse("2026-06-01T07:00:00Z");
  static final String PROCTOR = "proctor-01";
  static final String EXAMINER = "examiner-07";
  static final String SECOND_EXAMINER = "examiner-08";
  static final String CHIEF = "chief-01";
  static final String ADMIN = "admin-01";
  static final String REVIEWER = "reviewer-01";
  static final String CANDIDATE = "C-0001";
  static final String ROOM = "R1";

  /** The default components: theory (max 60) and practical (max 40), single-marked. */
  static final List<ScoreComponent> SINGLE_MARKED =
      List.of(
          ScoreComponent.singleMarked("theory", "Theory", BigDecimal.valueOf(60)),
          ScoreComponent.singleMarked("practical", "Practical", BigDecimal.valueOf(40)));

  /** Theory single-marked; essay double-marked with tolerance 5. */
  static final List<ScoreComponent> DOUBLE_MARKED =
      List.of(
          ScoreComponent.singleMarked("theory", "Theory", BigDecimal.valueOf(60)),
          new ScoreComponent("essay", "Essay", BigDecimal.valueOf(40), BigDecimal.valueOf(5)));

  private final List<LedgerEvent> events = new ArrayList<>();
  private final String prefix;
  private final Instant start;
  private Instant now;
  private int next = 1;
  private SignatureStatus nextSignature;

  LedgerBuilder() {
    this("e", T0);
  }

  /** A builder whose ids start with {@code prefix} and whose clock starts at {@code start}. */
  LedgerBuilder(String prefix, Instant start) {
    this.prefix = prefix;
    this.start = start;
    this.now = start;
  }

  List<LedgerEvent> events() {
    return List.copyOf(events);
  }

  Instant now() {
    return now;
  }

  LedgerBuilder after(Duration duration) {
    now = now.plus(duration);
    return this;
  }

  LedgerBuilder unsigned() {
    nextSignature = SignatureStatus.UNSIGNED;
    return this;
  }

  LedgerBuilder invalid(String reason) {
    nextSignature = SignatureStatus.invalid(reason);
    return this;
  }

  String add(String actor, Function<Provenance, Object> payload) {
    SignatureStatus signature = nextSignature == null ? SignatureStatus.VALID : nextSignature;
    nextSignature = null;
    String envelope = signature.unsigned() ? null : "{\"payloadType\":\"test\"}";
    String id = prefix + next++;
    events.add(
        new LedgerEvent(id, payload.apply(new Provenance(actor, actor, now, envelope)), signature));
    now = now.plus(Duration.ofMinutes(1));
    return id;
  }

  // ---- the life of a session ----

  String schedule(String session, List<ScoreComponent> components) {
    return schedule(
        session, components, start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(5)));
  }

  String schedule(
      String session, List<ScoreComponent> components, Instant startsAt, Instant endsAt) {
    return add(
        ADMIN,
        p ->
            new SessionScheduledEvent(
                session,
                "electrician",
                3,
                ExamType.REGULAR,
                BigDecimal.valueOf(60),
                components,
                List.of(ROOM),
                startsAt,
                endsAt,
                p));
  }

  String assign(String session, String person, StaffRole role) {
    return add(ADMIN, p -> new StaffAssignedEvent(session, person, role, p));
  }

  String unassign(String session, String person, StaffRole role) {
    return add(ADMIN, p -> new StaffUnassignedEvent(session, person, role, p));
  }

  String register(String session, String candidate) {
    return add(
        ADMIN,
        p ->
            new CandidateRegisteredEvent(
                session,
                candidate,
                ROOM,
                new Eligibility("vocational school", "training-1"),
                List.of(document(candidate)),
                p));
  }

  String notice(String session, String actor) {
    return add(
        actor, p -> new CandidateNoticeReadEvent(session, ROOM, NoticeReadingMethod.READ_ALOUD, p));
  }

  String identity(String session, String candidate, String actor, IdentityCheckResult result) {
    return identity(session, candidate, actor, result, document(candidate));
  }

  String identity(
      String session,
      String candidate,
      String actor,
      IdentityCheckResult result,
      DocumentRef document) {
    return add(
        actor,
        p ->
            new IdentityCheckedEvent(
                session, candidate, List.of(document), IdentityCheckMethod.CARD_READER, result, p));
  }

  String start(String session, String actor) {
    return add(actor, p -> new SessionStartedEvent(session, null, p));
  }

  String startWaived(String session, String actor, String reason) {
    return add(actor, p -> new SessionStartedEvent(session, reason, p));
  }

  String end(String session, String actor) {
    return add(actor, p -> new SessionEndedEvent(session, p));
  }

  String incident(String session, String incidentId, String actor) {
    return add(
        actor,
        p ->
            new IncidentRecordedEvent(
                session, incidentId, IncidentCategory.ENVIRONMENT, "fire alarm", null, p));
  }

  String resolve(String session, String incidentId, String actor) {
    return add(actor, p -> new IncidentResolvedEvent(session, incidentId, "all clear", p));
  }

  String score(String session, String candidate, String component, String actor, int value) {
    return add(
        actor,
        p -> new ScoreRecordedEvent(session, candidate, component, BigDecimal.valueOf(value), p));
  }

  String mark(
      String session, String candidate, String component, int markNumber, String actor, int value) {
    return add(
        actor,
        p ->
            new IndependentMarkRecordedEvent(
                session, candidate, component, markNumber, BigDecimal.valueOf(value), p));
  }

  String correct(
      String session,
      String candidate,
      String component,
      int markNumber,
      String actor,
      int from,
      int to) {
    return add(
        actor,
        p ->
            new ScoreCorrectedEvent(
                session,
                candidate,
                component,
                markNumber,
                BigDecimal.valueOf(from),
                BigDecimal.valueOf(to),
                CorrectionReason.MARKING_ERROR,
                null,
                p));
  }

  String countersign(
      String session,
      String entryEventId,
      String candidate,
      String component,
      String actor,
      int value) {
    return add(
        actor,
        p ->
            new ScoreCountersignedEvent(
                session, entryEventId, candidate, component, BigDecimal.valueOf(value), p));
  }

  String adjudicate(String session, String candidate, String component, String actor, int value) {
    return add(
        actor,
        p ->
            new ScoreAdjudicatedEvent(
                session, candidate, component, BigDecimal.valueOf(value), "settled", p));
  }

  String submit(String session, String candidate, int computed, Integer claimed) {
    return add(
        ADMIN,
        p ->
            new ResultSheetSubmittedEvent(
                session,
                candidate,
                BigDecimal.valueOf(computed),
                claimed == null ? null : BigDecimal.valueOf(claimed),
                computed >= 60,
                p));
  }

  String lock(String session, String candidate, String actor) {
    return add(actor, p -> new ResultSheetLockedEvent(session, candidate, p));
  }

  String reopen(String session, String candidate, String actor) {
    return add(
        actor,
        p -> new ResultSheetReopenedEvent(session, candidate, "review", "station decision 12", p));
  }

  String publish(String session, String candidate, String actor, int total) {
    return add(
        actor,
        p ->
            new ResultSheetPublishedEvent(
                session, candidate, BigDecimal.valueOf(total), total >= 60, p));
  }

  String suspendedStatement(String session, String actor) {
    return add(
        actor,
        p ->
            new SuspendedActorStatementRecordedEvent(
                session, "exam.score.record/v1", "ab".repeat(32), p));
  }

  String suspend(String complaint, String person, Instant from) {
    return add(
        "supervisor-01",
        p ->
            new RespondentSuspendedEvent(
                complaint, person, from, from.plus(Duration.ofDays(30)), null, null, p));
  }

  String reinstate(String complaint, String person, Instant at) {
    return add("supervisor-01", p -> new RespondentReinstatedEvent(complaint, person, at, p));
  }

  // ---- a clean session in phases; each problem is planted between them ----

  /** Scheduled, staffed (proctor, two examiners, a chief), one candidate registered. */
  LedgerBuilder prepared(String session, List<ScoreComponent> components) {
    schedule(session, components);
    assign(session, PROCTOR, StaffRole.PROCTOR);
    assign(session, EXAMINER, StaffRole.EXAMINER);
    assign(session, SECOND_EXAMINER, StaffRole.EXAMINER);
    assign(session, CHIEF, StaffRole.CHIEF_EXAMINER);
    register(session, CANDIDATE);
    return this;
  }

  /** The notice read, the candidate's identity matched, the exam started. */
  LedgerBuilder started(String session) {
    notice(session, PROCTOR);
    identity(session, CANDIDATE, PROCTOR, IdentityCheckResult.MATCH);
    start(session, PROCTOR);
    return this;
  }

  /** Theory and practical scored by the examiner. */
  LedgerBuilder scored(String session, int theory, int practical) {
    score(session, CANDIDATE, "theory", EXAMINER, theory);
    score(session, CANDIDATE, "practical", EXAMINER, practical);
    return this;
  }

  /** Ended, submitted with the right total, locked by the reviewer, published by the admin. */
  LedgerBuilder closed(String session, int total) {
    end(session, PROCTOR);
    submit(session, CANDIDATE, total, null);
    lock(session, CANDIDATE, REVIEWER);
    publish(session, CANDIDATE, ADMIN, total);
    return this;
  }

  /** A whole clean single-marked session: theory 40 + practical 30 = 70, pass mark 60. */
  LedgerBuilder cleanSession(String session) {
    return prepared(session, SINGLE_MARKED)
        .started(session)
        .scored(session, 40, 30)
        .closed(session, 70);
  }

  /** A stable, fake keyed hash of the candidate's document. */
  static DocumentRef document(String candidate) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(("document of " + candidate).getBytes(StandardCharsets.UTF_8));
      return new DocumentRef(
          DocumentType.ID_CARD,
          HexFormat.of().formatHex(digest),
          candidate.substring(candidate.length() - 4));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
