package org.examledger.complaints;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.examledger.complaints.ComplaintRuleViolation.Kind.CONFLICT;
import static org.examledger.complaints.ComplaintRuleViolation.Kind.INVALID;
import static org.examledger.complaints.ComplaintRuleViolation.Kind.NOT_PERMITTED;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.examledger.exam.Provenance;
import org.examledger.keys.ActorRole;

/**
 * One complaint and the sanction that may follow from it (BRIEF section 1, the zero-complaint
 * rule).
 *
 * <p>Filed by station staff (or by a supervisor when the candidate went directly to the guidance
 * centre), investigated and decided by a supervisor. A verified complaint suspends the respondent
 * from the decision for the policy's period; a persistent deadline ends the period, after which the
 * respondent awaits reinstatement: a self-criticism, then the station's approval, then the upper
 * level's. A decided complaint is decided again only after a reopening; a reopened complaint that
 * is dismissed rescinds its suspension.
 *
 * <p>Roles come from the key registry through {@link ActorDirectory}; the period and approvers from
 * {@link SanctionPolicy}. Time comes only from the command's provenance and the deadline.
 */
public class ComplaintCase {

  /** The name of the deadline that ends a suspension period. */
  public static final String PERIOD_END = "suspension-period-end";

  /** The actor recorded on events the ledger makes by itself (the period's end). */
  public static final String LEDGER_ACTOR = "ledger";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
  private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}");
  private static final Set<ActorRole> STATION_STAFF =
      EnumSet.of(ActorRole.STATION_ADMIN, ActorRole.CLERK);
  private static final int MAX_TEXT = 2000;

  @AggregateIdentifier private String complaintId;
  private String respondentId;
  private ComplaintStatus status;
  private String investigatorId;
  private boolean referred;

  private SanctionStatus sanction;
  private Instant suspendedUntil;
  private ActorRole stationApprover;
  private ActorRole upperLevelApprover;
  private boolean selfCriticism;
  private boolean stationApproved;

  protected ComplaintCase() {
    // required by Axon to rebuild the aggregate from its events
  }

  @CommandHandler
  public ComplaintCase(FileComplaintCommand command, ActorDirectory directory) {
    Provenance p = requireProvenance(command.provenance());
    requireIdentifier("complaintId", command.complaintId());
    requireIdentifier("respondentId", command.respondentId());
    require(command.respondentRole() != null, "respondentRole");
    require(command.channel() != null, "channel");
    if (command.sessionId() != null) {
      requireIdentifier("sessionId", command.sessionId());
    }
    if (command.candidateId() != null) {
      requireIdentifier("candidateId", command.candidateId());
    }
    requireText("summary", command.summary());
    boolean permitted =
        command.channel() == ComplaintChannel.THROUGH_STATION
            ? STATION_STAFF.stream().anyMatch(r -> directory.holds(p.actorId(), r, p.receivedAt()))
            : directory.holds(p.actorId(), ActorRole.SUPERVISOR, p.receivedAt());
    if (!permitted) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "filer-not-permitted",
          "actor",
          "a complaint "
              + (command.channel() == ComplaintChannel.THROUGH_STATION
                  ? "received through the station is recorded by station staff (STATION_ADMIN or"
                      + " CLERK)"
                  : "made directly to the guidance centre is recorded by a SUPERVISOR")
              + "; '"
              + p.actorId()
              + "' holds no such key");
    }
    if (!directory.holds(
        command.respondentId(), command.respondentRole().keyRole(), p.receivedAt())) {
      throw new ComplaintRuleViolation(
          ComplaintRuleViolation.Kind.NOT_FOUND,
          "unknown-respondent",
          "respondentId",
          "'"
              + command.respondentId()
              + "' holds no registered "
              + command.respondentRole().keyRole()
              + " key; a complaint names the person by their actor id");
    }
    if (command.respondentId().equals(p.actorId())) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "respondent-records-own-complaint",
          "actor",
          "'" + p.actorId() + "' cannot record a complaint about themselves");
    }
    apply(
        new ComplaintFiledEvent(
            command.complaintId(),
            command.respondentId(),
            command.respondentRole(),
            command.sessionId(),
            command.candidateId(),
            command.channel(),
            command.summary(),
            p));
  }

  @CommandHandler
  public void handle(AssignInvestigatorCommand command, ActorDirectory directory) {
    Provenance p = requireProvenance(command.provenance());
    requireSupervisor(directory, p, "assign an investigator");
    requireIdentifier("investigatorId", command.investigatorId());
    requireStatus(
        EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.UNDER_INVESTIGATION),
        "assign an investigator");
    if (!directory.holds(command.investigatorId(), ActorRole.SUPERVISOR, p.receivedAt())) {
      throw new ComplaintRuleViolation(
          INVALID,
          "investigator-not-supervisor",
          "investigatorId",
          "the investigator must hold a SUPERVISOR key; '"
              + command.investigatorId()
              + "' holds none");
    }
    if (command.investigatorId().equals(respondentId)) {
      throw new ComplaintRuleViolation(
          INVALID,
          "investigator-is-respondent",
          "investigatorId",
          "'" + respondentId + "' cannot investigate a complaint about themselves");
    }
    if (command.investigatorId().equals(investigatorId)) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "investigator-already-assigned",
          "investigatorId",
          "'" + investigatorId + "' already investigates complaint '" + complaintId + "'");
    }
    apply(new InvestigatorAssignedEvent(complaintId, command.investigatorId(), p));
  }

  @CommandHandler
  public void handle(LinkEvidenceCommand command, ActorDirectory directory) {
    Provenance p = requireProvenance(command.provenance());
    boolean investigator = p.actorId().equals(investigatorId);
    boolean staff =
        STATION_STAFF.stream().anyMatch(r -> directory.holds(p.actorId(), r, p.receivedAt()));
    if (!investigator && !staff) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "evidence-not-permitted",
          "actor",
          "evidence is linked by the investigator"
              + (investigatorId == null ? "" : " ('" + investigatorId + "')")
              + " or by station staff; '"
              + p.actorId()
              + "' is neither");
    }
    requireStatus(
        EnumSet.of(ComplaintStatus.RECEIVED, ComplaintStatus.UNDER_INVESTIGATION), "link evidence");
    require(command.kind() != null, "kind");
    Pattern shape = command.kind() == EvidenceKind.DOCUMENT ? SHA256 : EVENT_ID;
    if (command.reference() == null || !shape.matcher(command.reference()).matches()) {
      throw new ComplaintRuleViolation(
          INVALID,
          "invalid-evidence-reference",
          "reference",
          command.kind() == EvidenceKind.DOCUMENT
              ? "a document is referenced by the lowercase hex SHA-256 of its bytes (64 characters)"
              : "a ledger event is referenced by its event id");
    }
    requireText("description", command.description());
    apply(
        new EvidenceLinkedEvent(
            complaintId, command.kind(), command.reference(), command.description(), p));
  }

  @CommandHandler
  public void handle(ReferComplaintCommand command, ActorDirectory directory) {
    Provenance p = requireProvenance(command.provenance());
    requireInvestigator(directory, p, "refer the case");
    requireText("referredTo", command.referredTo());
    requireText("reason", command.reason());
    if (referred) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "already-referred",
          "referredTo",
          "complaint '" + complaintId + "' was already referred to the upper level");
    }
    apply(new ComplaintReferredEvent(complaintId, command.referredTo(), command.reason(), p));
  }

  @CommandHandler
  public void handle(
      DecideComplaintCommand command,
      ActorDirectory directory,
      SanctionPolicy policy,
      DeadlineManager deadlines) {
    Provenance p = requireProvenance(command.provenance());
    if (status == ComplaintStatus.VERIFIED || status == ComplaintStatus.DISMISSED) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "complaint-already-decided",
          "outcome",
          "complaint '"
              + complaintId
              + "' was already decided "
              + status
              + "; reopen it with a reason to decide again");
    }
    requireInvestigator(directory, p, "decide");
    require(command.outcome() != null, "outcome");
    requireText("reasons", command.reasons());
    apply(new ComplaintDecidedEvent(complaintId, command.outcome(), command.reasons(), p));
    boolean barred = sanction != null && sanction.bars();
    if (command.outcome() == ComplaintOutcome.VERIFIED
        && !barred
        && sanction != SanctionStatus.REINSTATED) {
      // A re-verification while suspended keeps the running sanction; one already served is not
      // served twice.
      Instant from = p.receivedAt();
      Instant until = policy.suspensionEnd(from);
      apply(
          new RespondentSuspendedEvent(
              complaintId,
              respondentId,
              from,
              until,
              policy.stationApprover(),
              policy.upperLevelApprover(),
              p));
      deadlines.schedule(until, PERIOD_END, new SuspensionPeriodEnd(complaintId, until));
    } else if (command.outcome() == ComplaintOutcome.DISMISSED && barred) {
      apply(new SanctionRescindedEvent(complaintId, respondentId, p.receivedAt(), p));
      deadlines.cancelAllWithinScope(PERIOD_END);
    }
  }

  @CommandHandler
  public void handle(ReopenComplaintCommand command, ActorDirectory directory) {
    Provenance p = requireProvenance(command.provenance());
    requireSupervisor(directory, p, "reopen a complaint");
    requireStatus(EnumSet.of(ComplaintStatus.VERIFIED, ComplaintStatus.DISMISSED), "reopen");
    requireText("reason", command.reason());
    apply(new ComplaintReopenedEvent(complaintId, command.reason(), p));
  }

  @CommandHandler
  public void handle(SubmitSelfCriticismCommand command) {
    Provenance p = requireProvenance(command.provenance());
    if (!p.actorId().equals(respondentId)) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "not-the-respondent",
          "actor",
          "a self-criticism is written and signed by the suspended person '"
              + respondentId
              + "', not by '"
              + p.actorId()
              + "'");
    }
    requireBarringSanction("submit a self-criticism");
    if (command.documentSha256() == null || !SHA256.matcher(command.documentSha256()).matches()) {
      throw new ComplaintRuleViolation(
          INVALID,
          "invalid-document-hash",
          "documentSha256",
          "documentSha256 must be the lowercase hex SHA-256 of the written self-criticism (64"
              + " characters)");
    }
    requireText("summary", command.summary());
    apply(
        new SelfCriticismSubmittedEvent(
            complaintId, respondentId, command.documentSha256(), command.summary(), p));
  }

  @CommandHandler
  public void handle(ApproveReinstatementCommand command, ActorDirectory directory) {
    Provenance p = requireProvenance(command.provenance());
    require(command.level() != null, "level");
    requireBarringSanction("approve reinstatement");
    if (sanction == SanctionStatus.SUSPENDED && p.receivedAt().isBefore(suspendedUntil)) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "suspension-period-not-over",
          "level",
          "'"
              + respondentId
              + "' is suspended until "
              + suspendedUntil
              + "; reinstatement cannot be approved before the period ends");
    }
    ActorRole approver =
        command.level() == ApprovalLevel.STATION ? stationApprover : upperLevelApprover;
    if (!directory.holds(p.actorId(), approver, p.receivedAt())) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "approver-not-permitted",
          "actor",
          "the "
              + command.level()
              + " approval is given by a "
              + approver
              + "; '"
              + p.actorId()
              + "' holds no such key");
    }
    if (p.actorId().equals(respondentId)) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "approver-is-respondent",
          "actor",
          "'" + respondentId + "' cannot approve their own reinstatement");
    }
    if (!selfCriticism) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "self-criticism-missing",
          "level",
          "'"
              + respondentId
              + "' has not submitted a written self-criticism; reinstatement needs one first");
    }
    if (command.level() == ApprovalLevel.STATION && stationApproved) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "already-approved",
          "level",
          "the station already approved the reinstatement of '" + respondentId + "'");
    }
    if (command.level() == ApprovalLevel.UPPER_LEVEL && !stationApproved) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "approval-out-of-order",
          "level",
          "the station approves reinstatement first, then the upper level; the station has not"
              + " approved the reinstatement of '"
              + respondentId
              + "'");
    }
    if (sanction == SanctionStatus.SUSPENDED) {
      // The deadline has not fired yet (it may run late): the period's end is a fact of the clock.
      apply(
          new SuspensionPeriodEndedEvent(
              complaintId, respondentId, suspendedUntil, ledgerProvenance(suspendedUntil)));
    }
    apply(
        new ReinstatementApprovedEvent(
            complaintId, respondentId, command.level(), command.comment(), p));
    if (command.level() == ApprovalLevel.UPPER_LEVEL) {
      apply(new RespondentReinstatedEvent(complaintId, respondentId, p.receivedAt(), p));
    }
  }

  /** The persistent deadline: the period is over, the person now awaits reinstatement. */
  @DeadlineHandler(deadlineName = PERIOD_END)
  public void on(SuspensionPeriodEnd end) {
    if (sanction == SanctionStatus.SUSPENDED && end.suspendedUntil().equals(suspendedUntil)) {
      apply(
          new SuspensionPeriodEndedEvent(
              complaintId, respondentId, suspendedUntil, ledgerProvenance(suspendedUntil)));
    }
  }

  // ---- state ----

  @EventSourcingHandler
  void on(ComplaintFiledEvent event) {
    complaintId = event.complaintId();
    respondentId = event.respondentId();
    status = ComplaintStatus.RECEIVED;
  }

  @EventSourcingHandler
  void on(InvestigatorAssignedEvent event) {
    investigatorId = event.investigatorId();
    status = ComplaintStatus.UNDER_INVESTIGATION;
  }

  @EventSourcingHandler
  void on(ComplaintReferredEvent event) {
    referred = true;
  }

  @EventSourcingHandler
  void on(ComplaintDecidedEvent event) {
    status =
        event.outcome() == ComplaintOutcome.VERIFIED
            ? ComplaintStatus.VERIFIED
            : ComplaintStatus.DISMISSED;
  }

  @EventSourcingHandler
  void on(ComplaintReopenedEvent event) {
    status = ComplaintStatus.UNDER_INVESTIGATION;
  }

  @EventSourcingHandler
  void on(RespondentSuspendedEvent event) {
    sanction = SanctionStatus.SUSPENDED;
    suspendedUntil = event.suspendedUntil();
    stationApprover = event.stationApprover();
    upperLevelApprover = event.upperLevelApprover();
    selfCriticism = false;
    stationApproved = false;
  }

  @EventSourcingHandler
  void on(SuspensionPeriodEndedEvent event) {
    sanction = SanctionStatus.AWAITING_REINSTATEMENT;
  }

  @EventSourcingHandler
  void on(SelfCriticismSubmittedEvent event) {
    selfCriticism = true;
  }

  @EventSourcingHandler
  void on(ReinstatementApprovedEvent event) {
    if (event.level() == ApprovalLevel.STATION) {
      stationApproved = true;
    }
  }

  @EventSourcingHandler
  void on(RespondentReinstatedEvent event) {
    sanction = SanctionStatus.REINSTATED;
  }

  @EventSourcingHandler
  void on(SanctionRescindedEvent event) {
    sanction = SanctionStatus.RESCINDED;
  }

  // ---- rules shared by the handlers ----

  private static Provenance ledgerProvenance(Instant at) {
    return new Provenance(LEDGER_ACTOR, LEDGER_ACTOR, at, null);
  }

  private void requireSupervisor(ActorDirectory directory, Provenance p, String action) {
    if (!directory.holds(p.actorId(), ActorRole.SUPERVISOR, p.receivedAt())) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "not-a-supervisor",
          "actor",
          "only a supervisor may " + action + "; '" + p.actorId() + "' holds no SUPERVISOR key");
    }
  }

  private void requireInvestigator(ActorDirectory directory, Provenance p, String action) {
    requireSupervisor(directory, p, action);
    if (investigatorId == null) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "no-investigator",
          "actor",
          "complaint '" + complaintId + "' has no investigator yet; assign one first");
    }
    if (!p.actorId().equals(investigatorId)) {
      throw new ComplaintRuleViolation(
          NOT_PERMITTED,
          "not-the-investigator",
          "actor",
          "only the investigating supervisor '"
              + investigatorId
              + "' may "
              + action
              + "; '"
              + p.actorId()
              + "' is not");
    }
  }

  private void requireBarringSanction(String action) {
    if (sanction == null || !sanction.bars()) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "no-suspension",
          "complaintId",
          "complaint '"
              + complaintId
              + "' has "
              + (sanction == null ? "no suspension" : "a " + sanction + " suspension")
              + "; nothing to "
              + action
              + " for");
    }
  }

  private void requireStatus(Set<ComplaintStatus> allowed, String action) {
    if (!allowed.contains(status)) {
      throw new ComplaintRuleViolation(
          CONFLICT,
          "wrong-complaint-status",
          "complaintId",
          "cannot "
              + action
              + ": complaint '"
              + complaintId
              + "' is "
              + status
              + " (allowed: "
              + allowed
              + ")");
    }
  }

  private static Provenance requireProvenance(Provenance provenance) {
    if (provenance == null || provenance.receivedAt() == null || provenance.actorId() == null) {
      throw new ComplaintRuleViolation(
          INVALID,
          "missing-field",
          "provenance",
          "provenance with actor and receivedAt is required");
    }
    if (!provenance.signed()) {
      throw new ComplaintRuleViolation(
          INVALID, "unsigned-complaint-statement", null, "complaint statements must be signed");
    }
    return provenance;
  }

  private static void require(boolean present, String field) {
    if (!present) {
      throw new ComplaintRuleViolation(INVALID, "missing-field", field, field + " is required");
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ComplaintRuleViolation(INVALID, "missing-field", field, field + " is required");
    }
    if (value.length() > MAX_TEXT) {
      throw new ComplaintRuleViolation(
          INVALID,
          "text-too-long",
          field,
          field + " is limited to " + MAX_TEXT + " characters; was " + value.length());
    }
  }

  private static void requireIdentifier(String field, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new ComplaintRuleViolation(
          INVALID,
          "invalid-identifier",
          field,
          field
              + " must be 1-64 characters of letters, digits, '.', '_' or '-'; was "
              + (value == null ? "missing" : "'" + value + "'"));
    }
  }
}
