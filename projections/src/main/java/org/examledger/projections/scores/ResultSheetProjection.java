package org.examledger.projections.scores;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryHandler;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.DoubleMarkingPolicy;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.SheetStatus;
import org.examledger.projections.ProjectionWrites;
import org.examledger.sheets.ResultSheetView;
import org.examledger.sheets.ResultSheetView.ComponentScoreView;
import org.examledger.sheets.ResultSheetView.Outcome;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the {@code rm_*} result-sheet tables current and answers {@link FindResultSheetQuery}.
 * Handlers only write what the event says; the aggregate already decided it was allowed.
 */
@ProcessingGroup(ResultSheetProjection.PROCESSING_GROUP)
public class ResultSheetProjection {

  public static final String PROCESSING_GROUP = "result-sheets";

  /** Reads and the reset handler's deletions, at once. */
  private final JdbcClient jdbc;

  /** The event handlers' writes, as JDBC batches at the commit of the processor's batch. */
  private final ProjectionWrites writes;

  public ResultSheetProjection(JdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
    this.writes = new ProjectionWrites(jdbc);
  }

  @EventHandler
  void on(SessionScheduledEvent event) {
    writes.update(
        "INSERT INTO rm_session (session_id, occupation, exam_level, exam_type, pass_mark,"
            + " starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        event.sessionId(),
        event.occupation(),
        event.level(),
        event.examType().name(),
        event.passMark(),
        utc(event.startsAt()),
        utc(event.endsAt()));
    List<ScoreComponent> components = event.components();
    for (int i = 0; i < components.size(); i++) {
      ScoreComponent c = components.get(i);
      writes.update(
          "INSERT INTO rm_session_component (session_id, component_id, position, name,"
              + " max_score, double_marking_tolerance) VALUES (?, ?, ?, ?, ?, ?)",
          event.sessionId(),
          c.componentId(),
          i,
          c.name(),
          c.maxScore(),
          c.doubleMarkingTolerance());
    }
  }

  @EventHandler
  void on(CandidateRegisteredEvent event) {
    writes.update(
        "INSERT INTO rm_result_sheet (session_id, candidate_id, registered_at, status)"
            + " VALUES (?, ?, ?, ?)",
        event.sessionId(),
        event.candidateId(),
        utc(event.provenance().receivedAt()),
        SheetStatus.OPEN.name());
  }

  /** The first mark of a component. */
  @EventHandler
  void on(ScoreRecordedEvent event, @MessageIdentifier String eventId) {
    writes.update(
        "INSERT INTO rm_component_score (session_id, candidate_id, component_id, score,"
            + " actor_id, submitter_id, recorded_at, signed, entry_event_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        event.sessionId(),
        event.candidateId(),
        event.componentId(),
        event.score(),
        event.provenance().actorId(),
        event.provenance().submitterId(),
        utc(event.provenance().receivedAt()),
        event.provenance().signed(),
        eventId);
  }

  /** A second or third mark of a double-marked component. */
  @EventHandler
  void on(IndependentMarkRecordedEvent event, @MessageIdentifier String eventId) {
    writes.update(
        "INSERT INTO rm_component_mark (session_id, candidate_id, component_id, mark_number,"
            + " score, actor_id, submitter_id, recorded_at, signed, entry_event_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        event.sessionId(),
        event.candidateId(),
        event.componentId(),
        event.markNumber(),
        event.score(),
        event.provenance().actorId(),
        event.provenance().submitterId(),
        utc(event.provenance().receivedAt()),
        event.provenance().signed(),
        eventId);
  }

  /** The corrected mark takes the new value; the correction is now the entry to countersign. */
  @EventHandler
  void on(ScoreCorrectedEvent event, @MessageIdentifier String eventId) {
    if (event.markNumber() <= 1) {
      writes.update(
          "UPDATE rm_component_score SET score = ?, signed = ?, entry_event_id = ?"
              + " WHERE session_id = ? AND candidate_id = ? AND component_id = ?",
          event.newScore(),
          event.provenance().signed(),
          eventId,
          event.sessionId(),
          event.candidateId(),
          event.componentId());
    } else {
      writes.update(
          "UPDATE rm_component_mark SET score = ?, signed = ?, entry_event_id = ?"
              + " WHERE session_id = ? AND candidate_id = ? AND component_id = ?"
              + " AND mark_number = ?",
          event.newScore(),
          event.provenance().signed(),
          eventId,
          event.sessionId(),
          event.candidateId(),
          event.componentId(),
          event.markNumber());
    }
  }

  /**
   * A countersigned entry is signed evidence from now on. Rows written before V102 carry no entry
   * event id; for them the component's first mark is the entry, as it was then.
   */
  @EventHandler
  void on(ScoreCountersignedEvent event) {
    writes.update(
        "UPDATE rm_component_score SET signed = TRUE"
            + " WHERE session_id = ? AND candidate_id = ? AND component_id = ?"
            + " AND (entry_event_id = ? OR entry_event_id IS NULL)",
        event.sessionId(),
        event.candidateId(),
        event.componentId(),
        event.countersignedEventId());
    writes.update(
        "UPDATE rm_component_mark SET signed = TRUE WHERE entry_event_id = ?",
        event.countersignedEventId());
  }

  @EventHandler
  void on(ScoreAdjudicatedEvent event) {
    writes.update(
        "INSERT INTO rm_component_adjudication (session_id, candidate_id, component_id, score,"
            + " actor_id, adjudicated_at) VALUES (?, ?, ?, ?, ?, ?)",
        event.sessionId(),
        event.candidateId(),
        event.componentId(),
        event.score(),
        event.provenance().actorId(),
        utc(event.provenance().receivedAt()));
  }

  @EventHandler
  void on(ResultSheetSubmittedEvent event) {
    status(event.sessionId(), event.candidateId(), SheetStatus.SUBMITTED);
  }

  @EventHandler
  void on(ResultSheetLockedEvent event) {
    status(event.sessionId(), event.candidateId(), SheetStatus.LOCKED);
  }

  @EventHandler
  void on(ResultSheetReopenedEvent event) {
    status(event.sessionId(), event.candidateId(), SheetStatus.OPEN);
  }

  @EventHandler
  void on(ResultSheetPublishedEvent event) {
    status(event.sessionId(), event.candidateId(), SheetStatus.PUBLISHED);
  }

  private void status(String sessionId, String candidateId, SheetStatus status) {
    writes.update(
        "UPDATE rm_result_sheet SET status = ? WHERE session_id = ? AND candidate_id = ?",
        status.name(),
        sessionId,
        candidateId);
  }

  /** Replay starts from nothing: the tables hold only what the events say. */
  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM rm_component_adjudication").update();
    jdbc.sql("DELETE FROM rm_component_mark").update();
    jdbc.sql("DELETE FROM rm_component_score").update();
    jdbc.sql("DELETE FROM rm_result_sheet").update();
    jdbc.sql("DELETE FROM rm_session_component").update();
    jdbc.sql("DELETE FROM rm_session").update();
  }

  @QueryHandler
  Optional<ResultSheetView> handle(FindResultSheetQuery query) {
    Optional<SessionRow> session =
        jdbc.sql(
                "SELECT s.occupation, s.pass_mark, r.status FROM rm_session s JOIN rm_result_sheet"
                    + " r ON r.session_id = s.session_id"
                    + " WHERE s.session_id = ? AND r.candidate_id = ?")
            .params(query.sessionId(), query.candidateId())
            .query(
                (rs, n) ->
                    new SessionRow(
                        rs.getString(1), rs.getBigDecimal(2), SheetStatus.valueOf(rs.getString(3))))
            .optional();
    if (session.isEmpty()) {
      return Optional.empty();
    }
    List<ComponentScoreView> components =
        jdbc.sql(
                "SELECT c.component_id, c.name, c.max_score, c.double_marking_tolerance, s.score,"
                    + " s.actor_id, s.submitter_id, s.signed, a.score"
                    + " FROM rm_session_component c LEFT JOIN rm_component_score s"
                    + " ON s.session_id = c.session_id AND s.component_id = c.component_id"
                    + " AND s.candidate_id = ?"
                    + " LEFT JOIN rm_component_adjudication a"
                    + " ON a.session_id = c.session_id AND a.component_id = c.component_id"
                    + " AND a.candidate_id = ?"
                    + " WHERE c.session_id = ? ORDER BY c.position")
            .params(query.candidateId(), query.candidateId(), query.sessionId())
            .query(
                (rs, n) ->
                    component(
                        query,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getBigDecimal(3),
                        rs.getBigDecimal(4),
                        rs.getBigDecimal(5),
                        rs.getString(6),
                        rs.getString(7),
                        rs.getObject(8) == null ? null : rs.getBoolean(8),
                        rs.getBigDecimal(9)))
            .list();
    BigDecimal total =
        components.stream()
            .map(ComponentScoreView::score)
            .filter(s -> s != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal passMark = normalized(session.get().passMark());
    Outcome outcome;
    if (components.stream().anyMatch(c -> c.score() == null)) {
      outcome = Outcome.INCOMPLETE;
    } else {
      outcome = total.compareTo(passMark) >= 0 ? Outcome.PASS : Outcome.FAIL;
    }
    return Optional.of(
        new ResultSheetView(
            query.sessionId(),
            query.candidateId(),
            session.get().occupation(),
            passMark,
            components,
            normalized(total),
            outcome,
            session.get().status()));
  }

  private ComponentScoreView component(
      FindResultSheetQuery query,
      String componentId,
      String name,
      BigDecimal maxScore,
      BigDecimal tolerance,
      BigDecimal firstMark,
      String recordedBy,
      String submittedBy,
      Boolean firstSigned,
      BigDecimal adjudicated) {
    List<BigDecimal> marks = new ArrayList<>();
    boolean signed = Boolean.TRUE.equals(firstSigned);
    if (firstMark != null) {
      marks.add(normalized(firstMark));
      for (MarkRow later :
          jdbc.sql(
                  "SELECT score, signed FROM rm_component_mark WHERE session_id = ?"
                      + " AND candidate_id = ? AND component_id = ? ORDER BY mark_number")
              .params(query.sessionId(), query.candidateId(), componentId)
              .query((rs, n) -> new MarkRow(rs.getBigDecimal(1), rs.getBoolean(2)))
              .list()) {
        marks.add(normalized(later.score()));
        signed &= later.signed();
      }
    }
    BigDecimal finalScore =
        DoubleMarkingPolicy.finalScore(marks, tolerance, normalized(adjudicated))
            .map(ResultSheetProjection::normalized)
            .orElse(null);
    return new ComponentScoreView(
        componentId,
        name,
        normalized(maxScore),
        finalScore,
        recordedBy,
        submittedBy,
        firstSigned == null ? null : signed,
        List.copyOf(marks),
        normalized(adjudicated));
  }

  private record MarkRow(BigDecimal score, boolean signed) {}

  private record SessionRow(String occupation, BigDecimal passMark, SheetStatus status) {}

  /** NUMERIC(9,2) reads back as 57.50; show what the examiner wrote, 57.5. */
  private static BigDecimal normalized(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
