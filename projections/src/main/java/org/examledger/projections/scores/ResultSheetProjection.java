package org.examledger.projections.scores;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.projections.scores.ResultSheetView.ComponentScoreView;
import org.examledger.projections.scores.ResultSheetView.Outcome;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the {@code rm_*} result-sheet tables current and answers {@link FindResultSheetQuery}.
 * Handlers only write what the event says; the aggregate already decided it was allowed.
 */
@ProcessingGroup(ResultSheetProjection.PROCESSING_GROUP)
public class ResultSheetProjection {

  public static final String PROCESSING_GROUP = "result-sheets";

  private final JdbcClient jdbc;

  public ResultSheetProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(SessionScheduledEvent event) {
    jdbc.sql(
            "INSERT INTO rm_session (session_id, occupation, exam_level, exam_type, pass_mark,"
                + " starts_at, ends_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(
            event.sessionId(),
            event.occupation(),
            event.level(),
            event.examType().name(),
            event.passMark(),
            utc(event.startsAt()),
            utc(event.endsAt()))
        .update();
    List<ScoreComponent> components = event.components();
    for (int i = 0; i < components.size(); i++) {
      ScoreComponent c = components.get(i);
      jdbc.sql(
              "INSERT INTO rm_session_component (session_id, component_id, position, name,"
                  + " max_score) VALUES (?, ?, ?, ?, ?)")
          .params(event.sessionId(), c.componentId(), i, c.name(), c.maxScore())
          .update();
    }
  }

  @EventHandler
  void on(CandidateRegisteredEvent event) {
    jdbc.sql(
            "INSERT INTO rm_result_sheet (session_id, candidate_id, registered_at)"
                + " VALUES (?, ?, ?)")
        .params(event.sessionId(), event.candidateId(), utc(event.provenance().receivedAt()))
        .update();
  }

  @EventHandler
  void on(ScoreRecordedEvent event) {
    jdbc.sql(
            "INSERT INTO rm_component_score (session_id, candidate_id, component_id, score,"
                + " actor_id, submitter_id, recorded_at, signed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            event.sessionId(),
            event.candidateId(),
            event.componentId(),
            event.score(),
            event.provenance().actorId(),
            event.provenance().submitterId(),
            utc(event.provenance().receivedAt()),
            event.provenance().signed())
        .update();
  }

  /** A countersigned transcription is signed evidence from now on. */
  @EventHandler
  void on(ScoreCountersignedEvent event) {
    jdbc.sql(
            "UPDATE rm_component_score SET signed = TRUE"
                + " WHERE session_id = ? AND candidate_id = ? AND component_id = ?")
        .params(event.sessionId(), event.candidateId(), event.componentId())
        .update();
  }

  /** Replay starts from nothing: the tables hold only what the events say. */
  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM rm_component_score").update();
    jdbc.sql("DELETE FROM rm_result_sheet").update();
    jdbc.sql("DELETE FROM rm_session_component").update();
    jdbc.sql("DELETE FROM rm_session").update();
  }

  @QueryHandler
  Optional<ResultSheetView> handle(FindResultSheetQuery query) {
    Optional<SessionRow> session =
        jdbc.sql(
                "SELECT s.occupation, s.pass_mark FROM rm_session s JOIN rm_result_sheet r"
                    + " ON r.session_id = s.session_id"
                    + " WHERE s.session_id = ? AND r.candidate_id = ?")
            .params(query.sessionId(), query.candidateId())
            .query((rs, n) -> new SessionRow(rs.getString(1), rs.getBigDecimal(2)))
            .optional();
    if (session.isEmpty()) {
      return Optional.empty();
    }
    List<ComponentScoreView> components =
        jdbc.sql(
                "SELECT c.component_id, c.name, c.max_score, s.score, s.actor_id, s.submitter_id,"
                    + " s.signed FROM rm_session_component c LEFT JOIN rm_component_score s"
                    + " ON s.session_id = c.session_id AND s.component_id = c.component_id"
                    + " AND s.candidate_id = ? WHERE c.session_id = ? ORDER BY c.position")
            .params(query.candidateId(), query.sessionId())
            .query(
                (rs, n) ->
                    new ComponentScoreView(
                        rs.getString(1),
                        rs.getString(2),
                        normalized(rs.getBigDecimal(3)),
                        normalized(rs.getBigDecimal(4)),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7) == null ? null : rs.getBoolean(7)))
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
            outcome));
  }

  private record SessionRow(String occupation, BigDecimal passMark) {}

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
