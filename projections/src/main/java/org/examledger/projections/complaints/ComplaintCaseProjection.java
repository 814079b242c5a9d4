package org.examledger.projections.complaints;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.examledger.complaints.ApprovalLevel;
import org.examledger.complaints.ComplaintDecidedEvent;
import org.examledger.complaints.ComplaintFiledEvent;
import org.examledger.complaints.ComplaintReferredEvent;
import org.examledger.complaints.ComplaintReopenedEvent;
import org.examledger.complaints.ComplaintStatus;
import org.examledger.complaints.EvidenceLinkedEvent;
import org.examledger.complaints.InvestigatorAssignedEvent;
import org.examledger.complaints.ReinstatementApprovedEvent;
import org.examledger.complaints.RespondentReinstatedEvent;
import org.examledger.complaints.RespondentSuspendedEvent;
import org.examledger.complaints.SanctionRescindedEvent;
import org.examledger.complaints.SanctionStatus;
import org.examledger.complaints.SelfCriticismSubmittedEvent;
import org.examledger.complaints.SuspensionPeriodEndedEvent;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.Provenance;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SuspendedActorStatementRecordedEvent;
import org.examledger.projections.ProjectionWrites;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the supervisors' complaint views ({@code rm_complaint*}, {@code rm_suspended_statement},
 * {@code rm_examiner_marking}) in the tracking processor {@value #PROCESSING_GROUP}. Handlers write
 * what the events say; the aggregate decided it was allowed.
 */
@ProcessingGroup(ComplaintCaseProjection.PROCESSING_GROUP)
public class ComplaintCaseProjection {

  public static final String PROCESSING_GROUP = "complaint-cases";

  /**
   * Stations count their year in China Standard Time (UTC+8), as their annual work summaries do: a
   * complaint filed at 2026-12-31T17:00Z belongs to 2027.
   */
  public static final ZoneOffset STATION_CALENDAR = ZoneOffset.ofHours(8);

  /** Reads and the reset handler's deletions, at once. */
  private final JdbcClient jdbc;

  /** The event handlers' writes, as JDBC batches at the commit of the processor's batch. */
  private final ProjectionWrites writes;

  public ComplaintCaseProjection(JdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
    this.writes = new ProjectionWrites(jdbc);
  }

  public static int stationYear(Instant t) {
    return t.atOffset(STATION_CALENDAR).getYear();
  }

  @EventHandler
  void on(ComplaintFiledEvent e, @MessageIdentifier String eventId) {
    Provenance p = e.provenance();
    writes.update(
        "INSERT INTO rm_complaint (complaint_id, respondent_id, respondent_role, session_id,"
            + " candidate_id, channel, summary, filed_by, filed_at, filed_year, status,"
            + " reopen_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        e.complaintId(),
        e.respondentId(),
        e.respondentRole().name(),
        e.sessionId(),
        e.candidateId(),
        e.channel().name(),
        e.summary(),
        p.actorId(),
        ts(p.receivedAt()),
        stationYear(p.receivedAt()),
        ComplaintStatus.RECEIVED.name());
    step(e.complaintId(), "FILED", p, e.channel() + ": " + e.summary(), eventId);
  }

  @EventHandler
  void on(InvestigatorAssignedEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "UPDATE rm_complaint SET investigator_id = ?, status = ? WHERE complaint_id = ?",
        e.investigatorId(),
        ComplaintStatus.UNDER_INVESTIGATION.name(),
        e.complaintId());
    step(e.complaintId(), "INVESTIGATOR_ASSIGNED", e.provenance(), e.investigatorId(), eventId);
  }

  @EventHandler
  void on(EvidenceLinkedEvent e, @MessageIdentifier String eventId) {
    int n =
        writes
            .read()
            .sql("SELECT COUNT(*) FROM rm_complaint_evidence WHERE complaint_id = ?")
            .param(e.complaintId())
            .query(Integer.class)
            .single();
    writes.update(
        "INSERT INTO rm_complaint_evidence (complaint_id, evidence_no, kind, reference,"
            + " description, linked_by, linked_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        e.complaintId(),
        n + 1,
        e.kind().name(),
        e.reference(),
        e.description(),
        e.provenance().actorId(),
        ts(e.provenance().receivedAt()));
    step(
        e.complaintId(),
        "EVIDENCE_LINKED",
        e.provenance(),
        e.kind() + " " + e.reference() + ": " + e.description(),
        eventId);
  }

  @EventHandler
  void on(ComplaintReferredEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "UPDATE rm_complaint SET referred_to = ? WHERE complaint_id = ?",
        e.referredTo(),
        e.complaintId());
    step(e.complaintId(), "REFERRED", e.provenance(), e.referredTo() + ": " + e.reason(), eventId);
  }

  @EventHandler
  void on(ComplaintDecidedEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "UPDATE rm_complaint SET status = ?, outcome = ?, reasons = ?, decided_at = ? WHERE"
            + " complaint_id = ?",
        e.outcome().name(),
        e.outcome().name(),
        e.reasons(),
        ts(e.provenance().receivedAt()),
        e.complaintId());
    step(e.complaintId(), "DECIDED", e.provenance(), e.outcome() + ": " + e.reasons(), eventId);
  }

  @EventHandler
  void on(ComplaintReopenedEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "UPDATE rm_complaint SET status = ?, reopen_count = reopen_count + 1 WHERE"
            + " complaint_id = ?",
        ComplaintStatus.UNDER_INVESTIGATION.name(),
        e.complaintId());
    step(e.complaintId(), "REOPENED", e.provenance(), e.reason(), eventId);
  }

  @EventHandler
  void on(RespondentSuspendedEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "UPDATE rm_complaint SET sanction_status = ?, suspended_from = ?, suspended_until = ?,"
            + " self_criticism_sha256 = NULL, station_approved_by = NULL, upper_approved_by ="
            + " NULL, sanction_ended_at = NULL WHERE complaint_id = ?",
        SanctionStatus.SUSPENDED.name(),
        ts(e.suspendedFrom()),
        ts(e.suspendedUntil()),
        e.complaintId());
    step(
        e.complaintId(),
        "SUSPENDED",
        e.provenance(),
        e.personId() + " suspended until " + e.suspendedUntil(),
        eventId);
  }

  @EventHandler
  void on(SuspensionPeriodEndedEvent e, @MessageIdentifier String eventId) {
    sanction(e.complaintId(), SanctionStatus.AWAITING_REINSTATEMENT, null);
    step(
        e.complaintId(),
        "PERIOD_ENDED",
        e.provenance(),
        e.personId() + " awaits reinstatement",
        eventId);
  }

  @EventHandler
  void on(SelfCriticismSubmittedEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "UPDATE rm_complaint SET self_criticism_sha256 = ? WHERE complaint_id = ?",
        e.documentSha256(),
        e.complaintId());
    step(
        e.complaintId(),
        "SELF_CRITICISM",
        e.provenance(),
        "sha256 " + e.documentSha256() + ": " + e.summary(),
        eventId);
  }

  @EventHandler
  void on(ReinstatementApprovedEvent e, @MessageIdentifier String eventId) {
    String column =
        e.level() == ApprovalLevel.STATION ? "station_approved_by" : "upper_approved_by";
    writes.update(
        "UPDATE rm_complaint SET " + column + " = ? WHERE complaint_id = ?",
        e.provenance().actorId(),
        e.complaintId());
    step(
        e.complaintId(),
        e.level() + "_APPROVED",
        e.provenance(),
        e.comment() == null ? e.level().name() : e.comment(),
        eventId);
  }

  @EventHandler
  void on(RespondentReinstatedEvent e, @MessageIdentifier String eventId) {
    sanction(e.complaintId(), SanctionStatus.REINSTATED, e.reinstatedAt());
    step(e.complaintId(), "REINSTATED", e.provenance(), e.personId(), eventId);
  }

  @EventHandler
  void on(SanctionRescindedEvent e, @MessageIdentifier String eventId) {
    sanction(e.complaintId(), SanctionStatus.RESCINDED, e.rescindedAt());
    step(e.complaintId(), "RESCINDED", e.provenance(), e.personId(), eventId);
  }

  @EventHandler
  void on(SuspendedActorStatementRecordedEvent e, @MessageIdentifier String eventId) {
    writes.update(
        "INSERT INTO rm_suspended_statement (event_id, person_id, session_id, statement_type,"
            + " received_at) VALUES (?, ?, ?, ?, ?)",
        eventId,
        e.provenance().actorId(),
        e.sessionId(),
        e.statementType(),
        ts(e.provenance().receivedAt()));
  }

  @EventHandler
  void on(ScoreRecordedEvent e) {
    marked(e.provenance(), e.sessionId(), e.candidateId());
  }

  @EventHandler
  void on(IndependentMarkRecordedEvent e) {
    marked(e.provenance(), e.sessionId(), e.candidateId());
  }

  @ResetHandler
  void reset() {
    for (String table :
        new String[] {
          "rm_complaint",
          "rm_complaint_step",
          "rm_complaint_evidence",
          "rm_suspended_statement",
          "rm_examiner_marking"
        }) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  private void marked(Provenance p, String sessionId, String candidateId) {
    int year = stationYear(p.receivedAt());
    // one statement, not a SELECT then an INSERT: every score passes here, and a rebuild replays
    // them all (the same SQL on PostgreSQL and H2)
    writes.update(
        "INSERT INTO rm_examiner_marking (examiner_id, mark_year, session_id, candidate_id)"
            + " SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM rm_examiner_marking"
            + " WHERE examiner_id = ? AND mark_year = ? AND session_id = ? AND candidate_id = ?)",
        p.actorId(),
        year,
        sessionId,
        candidateId,
        p.actorId(),
        year,
        sessionId,
        candidateId);
  }

  private void sanction(String complaintId, SanctionStatus status, Instant endedAt) {
    writes.update(
        "UPDATE rm_complaint SET sanction_status = ?, sanction_ended_at = ? WHERE"
            + " complaint_id = ?",
        status.name(),
        endedAt == null ? null : ts(endedAt),
        complaintId);
  }

  private void step(String complaintId, String step, Provenance p, String detail, String eventId) {
    int n =
        writes
            .read()
            .sql("SELECT COUNT(*) FROM rm_complaint_step WHERE complaint_id = ?")
            .param(complaintId)
            .query(Integer.class)
            .single();
    writes.update(
        "INSERT INTO rm_complaint_step (complaint_id, step_no, step, actor_id, signed, at,"
            + " detail, event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        complaintId,
        n + 1,
        step,
        p.actorId(),
        p.signed(),
        ts(p.receivedAt()),
        detail.length() > 2000 ? detail.substring(0, 2000) : detail,
        eventId);
  }

  private static Timestamp ts(Instant t) {
    return Timestamp.from(t);
  }
}
