package org.examledger.exam;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An exam session: its rooms, staff, proctoring, candidates and their result sheets. It decides
 * whether a command is allowed and answers a precise {@link ExamRuleViolation} when not; the
 * event-sourcing handlers only assign. Registered with Axon by the service (no Spring stereotype
 * here: ledger-core stays free of Spring). Time comes in on the command's provenance.
 */
public class ExamSession {

  /** Identifiers travel in URLs, file names and signed statements: keep them plain. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Scores are given to at most two decimal places (half points and quarter points occur). */
  static final int MAX_SCORE_SCALE = 2;

  private static final Set<StaffRole> MARKERS =
      EnumSet.of(StaffRole.EXAMINER, StaffRole.CHIEF_EXAMINER);

  @AggregateIdentifier private String sessionId;
  private SessionStatus status;
  private final Map<String, ScoreComponent> components = new LinkedHashMap<>();
  private final Set<String> rooms = new LinkedHashSet<>();
  private final Set<String> noticeReadIn = new HashSet<>();
  private final Map<String, EnumSet<StaffRole>> staff = new HashMap<>();
  private final Map<String, Boolean> incidentResolved = new HashMap<>();
  private final Map<String, ResultSheet> sheets = new HashMap<>();
  private BigDecimal passMark;

  /** Identifier of the event applied last; a scoring handler returns it to its caller. */
  private transient String lastEventId;

  protected ExamSession() {
    // required by Axon to rebuild the aggregate from its events
  }

  // ---- session life cycle ----

  @CommandHandler
  public ExamSession(ScheduleSessionCommand command) {
    requireIdentifier("sessionId", command.sessionId());
    requireText("occupation", command.occupation());
    if (command.level() < 1 || command.level() > 5) {
      throw new ExamRuleViolation(
          "level-out-of-range",
          "level",
          "level must be 1 (highest) to 5 (entry); was " + command.level());
    }
    require(command.examType() != null, "examType");
    requireProvenance(command.provenance());
    if (command.components() == null || command.components().isEmpty()) {
      throw new ExamRuleViolation(
          "no-score-components", "components", "a session needs at least one score component");
    }
    Set<String> seen = new HashSet<>();
    BigDecimal maxTotal = BigDecimal.ZERO;
    for (int i = 0; i < command.components().size(); i++) {
      ScoreComponent component = command.components().get(i);
      String field = "components[" + i + "]";
      require(component != null, field);
      requireIdentifier(field + ".componentId", component.componentId());
      requireText(field + ".name", component.name());
      if (!seen.add(component.componentId())) {
        throw new ExamRuleViolation(
            "duplicate-component",
            field + ".componentId",
            "component '" + component.componentId() + "' is listed twice");
      }
      if (component.maxScore() == null || component.maxScore().signum() <= 0) {
        throw new ExamRuleViolation(
            "max-score-not-positive",
            field + ".maxScore",
            "maxScore of component '" + component.componentId() + "' must be greater than 0");
      }
      BigDecimal tolerance = component.doubleMarkingTolerance();
      if (tolerance != null
          && (tolerance.signum() < 0 || tolerance.compareTo(component.maxScore()) > 0)) {
        throw new ExamRuleViolation(
            "tolerance-out-of-range",
            field + ".doubleMarkingTolerance",
            "doubleMarkingTolerance of component '"
                + component.componentId()
                + "' must be between 0 and its maxScore "
                + component.maxScore().toPlainString()
                + "; was "
                + tolerance.toPlainString());
      }
      maxTotal = maxTotal.add(component.maxScore());
    }
    if (command.passMark() == null
        || command.passMark().signum() <= 0
        || command.passMark().compareTo(maxTotal) > 0) {
      throw new ExamRuleViolation(
          "pass-mark-out-of-range",
          "passMark",
          "passMark must be greater than 0 and at most the sum of the components' maxima ("
              + maxTotal.toPlainString()
              + "); was "
              + (command.passMark() == null ? "missing" : command.passMark().toPlainString()));
    }
    if (command.rooms() == null || command.rooms().isEmpty()) {
      throw new ExamRuleViolation("no-rooms", "rooms", "a session needs at least one room");
    }
    Set<String> roomSeen = new HashSet<>();
    for (int i = 0; i < command.rooms().size(); i++) {
      requireIdentifier("rooms[" + i + "]", command.rooms().get(i));
      if (!roomSeen.add(command.rooms().get(i))) {
        throw new ExamRuleViolation(
            "duplicate-room",
            "rooms[" + i + "]",
            "room '" + command.rooms().get(i) + "' is listed twice");
      }
    }
    if (command.startsAt() == null || command.endsAt() == null) {
      throw new ExamRuleViolation(
          "missing-field",
          command.startsAt() == null ? "startsAt" : "endsAt",
          "a session needs both startsAt and endsAt");
    }
    if (!command.endsAt().isAfter(command.startsAt())) {
      throw new ExamRuleViolation(
          "session-ends-before-start",
          "endsAt",
          "endsAt (" + command.endsAt() + ") must be after startsAt (" + command.startsAt() + ")");
    }
    apply(
        new SessionScheduledEvent(
            command.sessionId(),
            command.occupation(),
            command.level(),
            command.examType(),
            command.passMark(),
            command.components(),
            command.rooms(),
            command.startsAt(),
            command.endsAt(),
            command.provenance()));
  }

  @CommandHandler
  public void handle(OpenSessionCommand command) {
    requireProvenance(command.provenance());
    requireStatus(EnumSet.of(SessionStatus.SCHEDULED), "open");
    apply(new SessionOpenedEvent(sessionId, command.provenance()));
  }

  @CommandHandler
  public void handle(StartSessionCommand command) {
    requireProvenance(command.provenance());
    requireStatus(EnumSet.of(SessionStatus.OPEN), "start");
    List<String> unread = rooms.stream().filter(r -> !noticeReadIn.contains(r)).toList();
    boolean waived =
        command.noticeWaivedReason() != null && !command.noticeWaivedReason().isBlank();
    if (!unread.isEmpty() && !waived) {
      throw new ExamRuleViolation(
          "notice-not-read",
          "noticeWaivedReason",
          "the Candidate Notice has not been read in rooms "
              + unread
              + "; read it first or give noticeWaivedReason to start anyway");
    }
    apply(
        new SessionStartedEvent(
            sessionId,
            unread.isEmpty() ? null : command.noticeWaivedReason(),
            command.provenance()));
  }

  @CommandHandler
  public void handle(EndSessionCommand command) {
    requireProvenance(command.provenance());
    requireStatus(EnumSet.of(SessionStatus.STARTED), "end");
    apply(new SessionEndedEvent(sessionId, command.provenance()));
  }

  @CommandHandler
  public void handle(CancelSessionCommand command) {
    requireProvenance(command.provenance());
    requireText("reason", command.reason());
    requireStatus(EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.OPEN), "cancel");
    apply(new SessionCancelledEvent(sessionId, command.reason(), command.provenance()));
  }

  // ---- people ----

  @CommandHandler
  public void handle(AssignStaffCommand command, SuspensionRegistry suspensions) {
    requireProvenance(command.provenance());
    requireIdentifier("personId", command.personId());
    require(command.role() != null, "role");
    requireStatus(
        EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.OPEN, SessionStatus.STARTED), "staff");
    if (rolesOf(command.personId()).contains(command.role())) {
      throw new ExamRuleViolation(
          "already-assigned",
          "personId",
          "'" + command.personId() + "' is already " + command.role() + " of this session");
    }
    if (suspensions.isSuspended(command.personId(), command.provenance().receivedAt())) {
      throw new ExamRuleViolation(
          "examiner-suspended",
          "personId",
          "'"
              + command.personId()
              + "' is suspended from all assignments (or awaits reinstatement) and cannot be"
              + " assigned");
    }
    apply(
        new StaffAssignedEvent(
            sessionId, command.personId(), command.role(), command.provenance()));
  }

  /**
   * A suspended person's statement about this session: stored as evidence only (admission diverts
   * it here), whatever the session's state.
   */
  @CommandHandler
  public String handle(
      RecordSuspendedActorStatementCommand command, SuspensionRegistry suspensions) {
    requireProvenance(command.provenance());
    require(command.statementType() != null, "statementType");
    require(command.statementHash() != null, "statementHash");
    String actor = command.provenance().actorId();
    if (!suspensions.isSuspended(actor, command.provenance().receivedAt())) {
      throw new ExamRuleViolation(
          "actor-not-suspended",
          "actor",
          "'" + actor + "' is not suspended; the statement must take its normal course");
    }
    apply(
        new SuspendedActorStatementRecordedEvent(
            sessionId, command.statementType(), command.statementHash(), command.provenance()));
    return lastEventId;
  }

  @CommandHandler
  public void handle(UnassignStaffCommand command) {
    requireProvenance(command.provenance());
    require(command.role() != null, "role");
    if (!rolesOf(command.personId()).contains(command.role())) {
      throw new ExamRuleViolation(
          "not-assigned",
          "personId",
          "'" + command.personId() + "' is not " + command.role() + " of this session");
    }
    apply(
        new StaffUnassignedEvent(
            sessionId, command.personId(), command.role(), command.provenance()));
  }

  @CommandHandler
  public void handle(RegisterCandidateCommand command) {
    requireIdentifier("candidateId", command.candidateId());
    requireProvenance(command.provenance());
    requireStatus(EnumSet.of(SessionStatus.SCHEDULED, SessionStatus.OPEN), "register candidates");
    requireRoom("room", command.room());
    if (command.eligibility() == null
        || command.eligibility().qualification() == null
        || command.eligibility().qualification().isBlank()) {
      throw new ExamRuleViolation(
          "eligibility-missing",
          "eligibility.qualification",
          "a candidate is registered with the qualification the station checked");
    }
    if (command.documents() == null || command.documents().isEmpty()) {
      throw new ExamRuleViolation(
          "no-identity-document",
          "documents",
          "a candidate is registered with at least one identity document (as a keyed hash)");
    }
    requireDocuments(command.documents());
    if (sheets.containsKey(command.candidateId())) {
      throw new ExamRuleViolation(
          "candidate-already-registered",
          "candidateId",
          "candidate '"
              + command.candidateId()
              + "' is already registered for session '"
              + sessionId
              + "'");
    }
    apply(
        new CandidateRegisteredEvent(
            sessionId,
            command.candidateId(),
            command.room(),
            command.eligibility(),
            command.documents(),
            command.provenance()));
  }

  // ---- proctoring ----

  @CommandHandler
  public void handle(RecordCandidateNoticeReadCommand command) {
    requireProvenance(command.provenance());
    requireActorIn(command.provenance(), EnumSet.of(StaffRole.PROCTOR));
    requireRoom("room", command.room());
    requireStatus(EnumSet.of(SessionStatus.OPEN), "read the Candidate Notice");
    NoticeReadingMethod method =
        command.method() == null ? NoticeReadingMethod.READ_ALOUD : command.method();
    apply(new CandidateNoticeReadEvent(sessionId, command.room(), method, command.provenance()));
  }

  @CommandHandler
  public void handle(RecordProhibitedItemsCheckCommand command) {
    requireProvenance(command.provenance());
    requireActorIn(command.provenance(), EnumSet.of(StaffRole.PROCTOR));
    requireRoom("room", command.room());
    require(command.findings() != null, "findings");
    requireStatus(EnumSet.of(SessionStatus.OPEN, SessionStatus.STARTED), "check prohibited items");
    apply(
        new ProhibitedItemsCheckedEvent(
            sessionId, command.room(), List.copyOf(command.findings()), command.provenance()));
  }

  @CommandHandler
  public void handle(RecordIncidentCommand command) {
    requireProvenance(command.provenance());
    requireActorIn(command.provenance(), EnumSet.allOf(StaffRole.class));
    requireIdentifier("incidentId", command.incidentId());
    require(command.category() != null, "category");
    requireText("description", command.description());
    requireStatus(
        EnumSet.of(SessionStatus.OPEN, SessionStatus.STARTED, SessionStatus.ENDED),
        "record incidents");
    if (command.candidateId() != null) {
      sheet(command.candidateId());
    }
    if (incidentResolved.containsKey(command.incidentId())) {
      throw new ExamRuleViolation(
          "incident-already-recorded",
          "incidentId",
          "incident '" + command.incidentId() + "' is already recorded");
    }
    apply(
        new IncidentRecordedEvent(
            sessionId,
            command.incidentId(),
            command.category(),
            command.description(),
            command.candidateId(),
            command.provenance()));
  }

  @CommandHandler
  public void handle(ResolveIncidentCommand command) {
    requireProvenance(command.provenance());
    requireActorIn(command.provenance(), EnumSet.allOf(StaffRole.class));
    requireText("resolution", command.resolution());
    Boolean resolved = incidentResolved.get(command.incidentId());
    if (resolved == null) {
      throw new ExamRuleViolation(
          "unknown-incident", "incidentId", "no incident '" + command.incidentId() + "'");
    }
    if (resolved) {
      throw new ExamRuleViolation(
          "incident-already-resolved",
          "incidentId",
          "incident '" + command.incidentId() + "' is already resolved");
    }
    apply(
        new IncidentResolvedEvent(
            sessionId, command.incidentId(), command.resolution(), command.provenance()));
  }

  @CommandHandler
  public void handle(RecordIdentityCheckCommand command) {
    requireProvenance(command.provenance());
    requireActorIn(command.provenance(), EnumSet.of(StaffRole.PROCTOR));
    sheet(command.candidateId());
    require(command.method() != null, "method");
    require(command.result() != null, "result");
    require(command.documents() != null, "documents");
    requireDocuments(command.documents());
    if (command.result() != IdentityCheckResult.MISSING_DOCUMENT && command.documents().isEmpty()) {
      throw new ExamRuleViolation(
          "no-identity-document",
          "documents",
          "an identity check with result "
              + command.result()
              + " names the documents presented; use MISSING_DOCUMENT when there were none");
    }
    requireStatus(
        EnumSet.of(SessionStatus.OPEN, SessionStatus.STARTED), "check candidates' identity");
    apply(
        new IdentityCheckedEvent(
            sessionId,
            command.candidateId(),
            List.copyOf(command.documents()),
            command.method(),
            command.result(),
            command.provenance()));
  }

  // ---- scoring ----

  /**
   * Records a first mark, or a second or third independent mark of a double-marked component.
   *
   * @return the identifier of the stored event, by which a countersignature refers to the entry
   */
  @CommandHandler
  public String handle(RecordScoreCommand command, SuspensionRegistry suspensions) {
    ComponentMarks marks =
        markable(command.provenance(), command.candidateId(), suspensions)
            .componentFor(command.componentId());
    requireScore("score", command.score(), marks.component);
    String examiner = command.provenance().actorId();
    if (!marks.component.doubleMarked() || marks.marks.size() == 3) {
      if (!marks.marks.isEmpty()) {
        throw new ExamRuleViolation(
            "score-already-recorded",
            "componentId",
            "a score for component '"
                + command.componentId()
                + "' of candidate '"
                + command.candidateId()
                + "' is already recorded; a change must be a correction with a reason");
      }
    }
    if (marks.markNumberOf(examiner) > 0) {
      throw new ExamRuleViolation(
          "same-examiner-twice",
          "actor",
          "examiner '"
              + examiner
              + "' already marked component '"
              + command.componentId()
              + "'; independent marks come from different examiners, a change is a correction");
    }
    if (marks.marks.size() == 2 && !marks.diverging()) {
      throw new ExamRuleViolation(
          "marks-already-agree",
          "componentId",
          "the two marks of component '"
              + command.componentId()
              + "' are within tolerance; no third mark is needed");
    }
    if (marks.adjudicated != null) {
      throw new ExamRuleViolation(
          "already-adjudicated",
          "componentId",
          "component '" + command.componentId() + "' was settled by adjudication");
    }
    if (marks.marks.isEmpty()) {
      apply(
          new ScoreRecordedEvent(
              sessionId,
              command.candidateId(),
              command.componentId(),
              command.score(),
              command.provenance()));
    } else {
      apply(
          new IndependentMarkRecordedEvent(
              sessionId,
              command.candidateId(),
              command.componentId(),
              marks.marks.size() + 1,
              command.score(),
              command.provenance()));
    }
    return lastEventId;
  }

  /**
   * @return the identifier of the stored correction, by which a countersignature refers to it
   */
  @CommandHandler
  public String handle(CorrectScoreCommand command, SuspensionRegistry suspensions) {
    ComponentMarks marks =
        markable(command.provenance(), command.candidateId(), suspensions)
            .componentFor(command.componentId());
    requireScore("newScore", command.newScore(), marks.component);
    require(command.reason() != null, "reason");
    if (command.reason() == CorrectionReason.OTHER
        && (command.reasonText() == null || command.reasonText().isBlank())) {
      throw new ExamRuleViolation(
          "correction-reason-text-missing",
          "reasonText",
          "a correction with reason OTHER must explain itself in reasonText");
    }
    int markNumber = markToCorrect(marks, command.provenance().actorId(), command.componentId());
    BigDecimal old = marks.marks.get(markNumber - 1).value();
    if (old.compareTo(command.newScore()) == 0) {
      throw new ExamRuleViolation(
          "correction-changes-nothing",
          "newScore",
          "the score is already " + old.toPlainString() + "; a correction must change it");
    }
    apply(
        new ScoreCorrectedEvent(
            sessionId,
            command.candidateId(),
            command.componentId(),
            markNumber,
            old,
            command.newScore(),
            command.reason(),
            command.reasonText(),
            command.provenance()));
    return lastEventId;
  }

  /**
   * The examiner of an unsigned entry (a mark or correction transcribed from paper) confirms it
   * with their signature. The statement names the entry's event id and repeats candidate, component
   * and score, so the examiner signs the values, not only an identifier.
   *
   * @return the identifier of the stored countersignature
   */
  @CommandHandler
  public String handle(CountersignScoreCommand command, SuspensionRegistry suspensions) {
    requireProvenance(command.provenance());
    if (!command.provenance().signed()) {
      throw new ExamRuleViolation(
          "countersign-unsigned", "envelope", "a countersignature must itself be signed");
    }
    MarkableSheet sheet = markable(command.provenance(), command.candidateId(), suspensions);
    ComponentMarks marks = sheet.componentFor(command.componentId());
    int markNumber = command.eventId() == null ? 0 : marks.markNumberOfEntry(command.eventId());
    ComponentMarks.Mark mark = markNumber == 0 ? null : marks.marks.get(markNumber - 1);
    if (mark == null || mark.signed()) {
      throw new ExamRuleViolation(
          "unknown-unsigned-entry",
          "eventId",
          "session '"
              + sessionId
              + "' has no unsigned, not yet countersigned current entry with event id '"
              + command.eventId()
              + "' for candidate '"
              + command.candidateId()
              + "', component '"
              + command.componentId()
              + "'");
    }
    if (command.score() == null || mark.value().compareTo(command.score()) != 0) {
      throw new ExamRuleViolation(
          "countersign-mismatch",
          "score",
          "the countersignature asserts score "
              + (command.score() == null ? "missing" : command.score().toPlainString())
              + "; the entry holds "
              + mark.value().toPlainString());
    }
    if (!mark.examinerId().equals(command.provenance().actorId())) {
      throw new ExamRuleViolation(
          "countersign-wrong-actor",
          "actor",
          "the entry names '"
              + mark.examinerId()
              + "' as its examiner; '"
              + command.provenance().actorId()
              + "' may not countersign it");
    }
    apply(
        new ScoreCountersignedEvent(
            sessionId,
            command.eventId(),
            command.candidateId(),
            command.componentId(),
            command.score(),
            command.provenance()));
    return lastEventId;
  }

  @CommandHandler
  public void handle(AdjudicateScoreCommand command, SuspensionRegistry suspensions) {
    requireProvenance(command.provenance());
    requireActorIn(command.provenance(), EnumSet.of(StaffRole.CHIEF_EXAMINER));
    ComponentMarks marks =
        markable(command.provenance(), command.candidateId(), suspensions)
            .componentFor(command.componentId());
    requireScore("score", command.score(), marks.component);
    requireText("reasonText", command.reasonText());
    if (!marks.component.doubleMarked() || marks.marks.size() < 2 || !marks.diverging()) {
      throw new ExamRuleViolation(
          "nothing-to-adjudicate",
          "componentId",
          "component '" + command.componentId() + "' has no diverging double marks to adjudicate");
    }
    if (marks.adjudicated != null) {
      throw new ExamRuleViolation(
          "already-adjudicated",
          "componentId",
          "component '" + command.componentId() + "' was settled by adjudication");
    }
    apply(
        new ScoreAdjudicatedEvent(
            sessionId,
            command.candidateId(),
            command.componentId(),
            command.score(),
            command.reasonText(),
            command.provenance()));
  }

  // ---- result sheets ----

  @CommandHandler
  public void handle(SubmitResultSheetCommand command) {
    requireProvenance(command.provenance());
    requireStatus(EnumSet.of(SessionStatus.ENDED), "submit result sheets");
    ResultSheet sheet = sheet(command.candidateId());
    requireSheet(sheet, EnumSet.of(SheetStatus.OPEN), "submit");
    List<String> pending = sheet.pending();
    if (!pending.isEmpty()) {
      throw new ExamRuleViolation(
          "sheet-incomplete",
          "candidateId",
          "the sheet of candidate '"
              + command.candidateId()
              + "' has no final score yet for "
              + pending);
    }
    BigDecimal total = sheet.total().orElseThrow();
    apply(
        new ResultSheetSubmittedEvent(
            sessionId,
            command.candidateId(),
            total,
            command.claimedTotal(),
            total.compareTo(passMark) >= 0,
            command.provenance()));
  }

  @CommandHandler
  public void handle(LockResultSheetCommand command) {
    requireProvenance(command.provenance());
    requireSheet(sheet(command.candidateId()), EnumSet.of(SheetStatus.SUBMITTED), "lock");
    apply(new ResultSheetLockedEvent(sessionId, command.candidateId(), command.provenance()));
  }

  @CommandHandler
  public void handle(ReopenResultSheetCommand command) {
    requireProvenance(command.provenance());
    requireText("reason", command.reason());
    requireText("authority", command.authority());
    requireSheet(
        sheet(command.candidateId()),
        EnumSet.of(SheetStatus.SUBMITTED, SheetStatus.LOCKED),
        "reopen");
    apply(
        new ResultSheetReopenedEvent(
            sessionId,
            command.candidateId(),
            command.reason(),
            command.authority(),
            command.provenance()));
  }

  @CommandHandler
  public void handle(PublishResultSheetCommand command) {
    requireProvenance(command.provenance());
    ResultSheet sheet = sheet(command.candidateId());
    requireSheet(sheet, EnumSet.of(SheetStatus.LOCKED), "publish");
    BigDecimal total = sheet.total().orElseThrow();
    apply(
        new ResultSheetPublishedEvent(
            sessionId,
            command.candidateId(),
            total,
            total.compareTo(passMark) >= 0,
            command.provenance()));
  }

  // ---- event sourcing: assign only ----

  @EventSourcingHandler
  void on(SessionScheduledEvent event) {
    sessionId = event.sessionId();
    status = SessionStatus.SCHEDULED;
    passMark = event.passMark();
    event.components().forEach(c -> components.put(c.componentId(), c));
    rooms.addAll(event.rooms());
  }

  @EventSourcingHandler
  void on(SessionOpenedEvent event) {
    status = SessionStatus.OPEN;
  }

  @EventSourcingHandler
  void on(SessionStartedEvent event) {
    status = SessionStatus.STARTED;
  }

  @EventSourcingHandler
  void on(SessionEndedEvent event) {
    status = SessionStatus.ENDED;
  }

  @EventSourcingHandler
  void on(SessionCancelledEvent event) {
    status = SessionStatus.CANCELLED;
  }

  @EventSourcingHandler
  void on(StaffAssignedEvent event) {
    staff.computeIfAbsent(event.personId(), p -> EnumSet.noneOf(StaffRole.class)).add(event.role());
  }

  @EventSourcingHandler
  void on(StaffUnassignedEvent event) {
    rolesOf(event.personId()).remove(event.role());
  }

  @EventSourcingHandler
  void on(CandidateRegisteredEvent event) {
    sheets.put(
        event.candidateId(),
        new ResultSheet(event.candidateId(), new ArrayList<>(components.values())));
  }

  @EventSourcingHandler
  void on(CandidateNoticeReadEvent event) {
    noticeReadIn.add(event.room());
  }

  @EventSourcingHandler
  void on(IncidentRecordedEvent event) {
    incidentResolved.put(event.incidentId(), false);
  }

  @EventSourcingHandler
  void on(IncidentResolvedEvent event) {
    incidentResolved.put(event.incidentId(), true);
  }

  @EventSourcingHandler
  void on(SuspendedActorStatementRecordedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
  }

  @EventSourcingHandler
  void on(ScoreRecordedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
    marksOf(event.candidateId(), event.componentId())
        .marks
        .add(
            new ComponentMarks.Mark(
                event.provenance().actorId(), event.score(), event.provenance().signed(), eventId));
  }

  @EventSourcingHandler
  void on(IndependentMarkRecordedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
    marksOf(event.candidateId(), event.componentId())
        .marks
        .add(
            new ComponentMarks.Mark(
                event.provenance().actorId(), event.score(), event.provenance().signed(), eventId));
  }

  @EventSourcingHandler
  void on(ScoreCorrectedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
    List<ComponentMarks.Mark> marks = marksOf(event.candidateId(), event.componentId()).marks;
    ComponentMarks.Mark old = marks.get(event.markNumber() - 1);
    marks.set(
        event.markNumber() - 1,
        new ComponentMarks.Mark(
            old.examinerId(), event.newScore(), event.provenance().signed(), eventId));
  }

  @EventSourcingHandler
  void on(ScoreCountersignedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
    ComponentMarks marks = marksOf(event.candidateId(), event.componentId());
    int index = marks.markNumberOfEntry(event.countersignedEventId()) - 1;
    ComponentMarks.Mark old = marks.marks.get(index);
    marks.marks.set(
        index, new ComponentMarks.Mark(old.examinerId(), old.value(), true, old.entryEventId()));
  }

  @EventSourcingHandler
  void on(ScoreAdjudicatedEvent event) {
    marksOf(event.candidateId(), event.componentId()).adjudicated = event.score();
  }

  @EventSourcingHandler
  void on(ResultSheetSubmittedEvent event) {
    sheets.get(event.candidateId()).status = SheetStatus.SUBMITTED;
  }

  @EventSourcingHandler
  void on(ResultSheetLockedEvent event) {
    sheets.get(event.candidateId()).status = SheetStatus.LOCKED;
  }

  @EventSourcingHandler
  void on(ResultSheetReopenedEvent event) {
    sheets.get(event.candidateId()).status = SheetStatus.OPEN;
  }

  @EventSourcingHandler
  void on(ResultSheetPublishedEvent event) {
    sheets.get(event.candidateId()).status = SheetStatus.PUBLISHED;
  }

  // ---- rules shared by the handlers ----

  /** A sheet open to marks by the acting examiner: in progress, assigned, not suspended. */
  private MarkableSheet markable(
      Provenance provenance, String candidateId, SuspensionRegistry suspensions) {
    requireProvenance(provenance);
    requireStatus(EnumSet.of(SessionStatus.STARTED, SessionStatus.ENDED), "mark");
    requireActorIn(provenance, MARKERS);
    Instant at = provenance.receivedAt();
    if (suspensions.isSuspended(provenance.actorId(), at)) {
      throw new ExamRuleViolation(
          "examiner-suspended",
          "actor",
          "examiner '" + provenance.actorId() + "' is suspended and cannot mark");
    }
    ResultSheet sheet = sheet(candidateId);
    if (sheet.status != SheetStatus.OPEN) {
      throw new ExamRuleViolation(
          "sheet-not-open",
          "candidateId",
          "the sheet of candidate '"
              + candidateId
              + "' is "
              + sheet.status
              + "; it must be reopened, with a reason and authority, before any change");
    }
    return new MarkableSheet(sheet);
  }

  private final class MarkableSheet {
    private final ResultSheet sheet;

    MarkableSheet(ResultSheet sheet) {
      this.sheet = sheet;
    }

    ComponentMarks componentFor(String componentId) {
      ComponentMarks marks = sheet.components.get(componentId);
      if (marks == null) {
        throw new ExamRuleViolation(
            "unknown-component",
            "componentId",
            "session '"
                + sessionId
                + "' has no score component '"
                + componentId
                + "'; it has "
                + components.keySet().stream().sorted().toList());
      }
      return marks;
    }
  }

  private static int markToCorrect(ComponentMarks marks, String examiner, String componentId) {
    if (marks.marks.isEmpty()) {
      throw new ExamRuleViolation(
          "nothing-to-correct",
          "componentId",
          "component '" + componentId + "' has no score to correct");
    }
    if (!marks.component.doubleMarked()) {
      return 1;
    }
    int own = marks.markNumberOf(examiner);
    if (own == 0) {
      throw new ExamRuleViolation(
          "no-own-mark",
          "actor",
          "examiner '"
              + examiner
              + "' gave no mark for double-marked component '"
              + componentId
              + "'; only an examiner's own mark can be corrected");
    }
    return own;
  }

  private ComponentMarks marksOf(String candidateId, String componentId) {
    return sheets.get(candidateId).components.get(componentId);
  }

  private ResultSheet sheet(String candidateId) {
    ResultSheet sheet = candidateId == null ? null : sheets.get(candidateId);
    if (sheet == null) {
      throw new ExamRuleViolation(
          "candidate-not-registered",
          "candidateId",
          "candidate '" + candidateId + "' is not registered for session '" + sessionId + "'");
    }
    return sheet;
  }

  private Set<StaffRole> rolesOf(String personId) {
    return staff.getOrDefault(personId, EnumSet.noneOf(StaffRole.class));
  }

  private void requireActorIn(Provenance provenance, Set<StaffRole> roles) {
    Set<StaffRole> held = rolesOf(provenance.actorId());
    if (held.stream().noneMatch(roles::contains)) {
      throw new ExamRuleViolation(
          "actor-not-assigned",
          "actor",
          "'"
              + provenance.actorId()
              + "' is not assigned to session '"
              + sessionId
              + "' as "
              + (roles.size() == 1 ? roles.iterator().next() : "any of " + roles));
    }
  }

  private void requireStatus(Set<SessionStatus> allowed, String action) {
    if (!allowed.contains(status)) {
      throw new ExamRuleViolation(
          "wrong-session-status",
          "sessionId",
          "session '"
              + sessionId
              + "' is "
              + status
              + "; cannot "
              + action
              + " (needs "
              + allowed
              + ")");
    }
  }

  private static void requireSheet(ResultSheet sheet, Set<SheetStatus> allowed, String action) {
    if (!allowed.contains(sheet.status)) {
      throw new ExamRuleViolation(
          "wrong-sheet-status",
          "candidateId",
          "the sheet of candidate '"
              + sheet.candidateId
              + "' is "
              + sheet.status
              + "; cannot "
              + action
              + " it (needs "
              + allowed
              + ")");
    }
  }

  private void requireRoom(String field, String room) {
    if (room == null || !rooms.contains(room)) {
      throw new ExamRuleViolation(
          "unknown-room",
          field,
          "session '" + sessionId + "' has no room '" + room + "'; it has " + rooms);
    }
  }

  private static void requireDocuments(List<DocumentRef> documents) {
    for (int i = 0; i < documents.size(); i++) {
      DocumentRef doc = documents.get(i);
      String field = "documents[" + i + "]";
      require(doc != null && doc.type() != null, field + ".type");
      if (doc.keyedHash() == null || !DocumentRef.KEYED_HASH.matcher(doc.keyedHash()).matches()) {
        throw new ExamRuleViolation(
            "document-not-hashed",
            field + ".keyedHash",
            field
                + ".keyedHash must be the 64-hex-digit HMAC-SHA-256 of the document number, never"
                + " the number itself");
      }
      if (doc.suffix() == null
          || doc.suffix().isEmpty()
          || doc.suffix().length() > DocumentRef.MAX_SUFFIX) {
        throw new ExamRuleViolation(
            "document-suffix-invalid",
            field + ".suffix",
            field + ".suffix must be 1 to " + DocumentRef.MAX_SUFFIX + " characters");
      }
    }
  }

  private static void requireScore(String field, BigDecimal score, ScoreComponent component) {
    if (score == null) {
      throw new ExamRuleViolation("missing-field", field, field + " is required");
    }
    if (score.signum() < 0) {
      throw new ExamRuleViolation(
          "score-negative", field, "score must not be negative; was " + score.toPlainString());
    }
    if (score.compareTo(component.maxScore()) > 0) {
      throw new ExamRuleViolation(
          "score-above-maximum",
          field,
          "score "
              + score.toPlainString()
              + " is above the maximum "
              + component.maxScore().toPlainString()
              + " of component '"
              + component.componentId()
              + "'");
    }
    if (score.stripTrailingZeros().scale() > MAX_SCORE_SCALE) {
      throw new ExamRuleViolation(
          "score-too-precise",
          field,
          "score may have at most " + MAX_SCORE_SCALE + " decimal places; was " + score);
    }
  }

  private static void require(boolean present, String field) {
    if (!present) {
      throw new ExamRuleViolation("missing-field", field, field + " is required");
    }
  }

  private static void requireIdentifier(String field, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new ExamRuleViolation(
          "invalid-identifier",
          field,
          field
              + " must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit; was "
              + (value == null ? "missing" : "'" + value + "'"));
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ExamRuleViolation("missing-field", field, field + " is required");
    }
  }

  private static void requireProvenance(Provenance provenance) {
    if (provenance == null || provenance.receivedAt() == null) {
      throw new ExamRuleViolation(
          "missing-field", "provenance", "provenance with receivedAt is required");
    }
    requireIdentifier("actor", provenance.actorId());
  }
}
