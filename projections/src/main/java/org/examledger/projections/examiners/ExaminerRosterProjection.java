package org.examledger.projections.examiners;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.StaffAssignedEvent;
import org.examledger.exam.StaffUnassignedEvent;
import org.examledger.keys.ActorRole;
import org.examledger.keys.KeyRegisteredEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps the roster tables in the tracking processor {@value #PROCESSING_GROUP}. */
@ProcessingGroup(ExaminerRosterProjection.PROCESSING_GROUP)
public class ExaminerRosterProjection {

  public static final String PROCESSING_GROUP = "examiner-roster";

  private final JdbcClient jdbc;

  public ExaminerRosterProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(KeyRegisteredEvent e) {
    if (e.role() != ActorRole.EXAMINER) {
      return;
    }
    long known =
        jdbc.sql("SELECT COUNT(*) FROM rm_examiner WHERE person_id = ?")
            .param(e.ownerId())
            .query(Long.class)
            .single();
    if (known == 0) {
      jdbc.sql("INSERT INTO rm_examiner (person_id, registered_at) VALUES (?, ?)")
          .params(e.ownerId(), ts(e.validFrom()))
          .update();
    }
  }

  @EventHandler
  void on(SessionScheduledEvent e) {
    for (ScoreComponent c : e.components()) {
      jdbc.sql(
              "INSERT INTO rm_roster_component (session_id, component_id, max_score) VALUES (?, ?,"
                  + " ?)")
          .params(e.sessionId(), c.componentId(), c.maxScore())
          .update();
    }
  }

  @EventHandler
  void on(StaffAssignedEvent e) {
    // a reassignment after an unassignment reopens the row
    jdbc.sql(
            "DELETE FROM rm_examiner_assignment WHERE person_id = ? AND session_id = ? AND role ="
                + " ?")
        .params(e.personId(), e.sessionId(), e.role().name())
        .update();
    jdbc.sql(
            "INSERT INTO rm_examiner_assignment (person_id, session_id, role, assigned_at,"
                + " unassigned_at) VALUES (?, ?, ?, ?, NULL)")
        .params(e.personId(), e.sessionId(), e.role().name(), ts(e.provenance().receivedAt()))
        .update();
  }

  @EventHandler
  void on(StaffUnassignedEvent e) {
    jdbc.sql(
            "UPDATE rm_examiner_assignment SET unassigned_at = ? WHERE person_id = ? AND"
                + " session_id = ? AND role = ?")
        .params(ts(e.provenance().receivedAt()), e.personId(), e.sessionId(), e.role().name())
        .update();
  }

  @EventHandler
  void on(ScoreRecordedEvent e) {
    mark(e.sessionId(), e.candidateId(), e.componentId(), 1, e.provenance().actorId(), e.score());
  }

  @EventHandler
  void on(IndependentMarkRecordedEvent e) {
    mark(
        e.sessionId(),
        e.candidateId(),
        e.componentId(),
        e.markNumber(),
        e.provenance().actorId(),
        e.score());
  }

  @EventHandler
  void on(ScoreCorrectedEvent e) {
    jdbc.sql(
            "UPDATE rm_roster_mark SET score = ? WHERE session_id = ? AND candidate_id = ? AND"
                + " component_id = ? AND mark_number = ?")
        .params(
            e.newScore(),
            e.sessionId(),
            e.candidateId(),
            e.componentId(),
            Math.max(1, e.markNumber()))
        .update();
  }

  @ResetHandler
  void reset() {
    for (String table :
        new String[] {
          "rm_examiner", "rm_examiner_assignment", "rm_roster_component", "rm_roster_mark"
        }) {
      jdbc.sql("DELETE FROM " + table).update();
    }
  }

  private void mark(
      String session, String candidate, String component, int n, String examiner, BigDecimal s) {
    jdbc.sql(
            "INSERT INTO rm_roster_mark (session_id, candidate_id, component_id, mark_number,"
                + " examiner_id, score) VALUES (?, ?, ?, ?, ?, ?)")
        .params(session, candidate, component, n, examiner, s)
        .update();
  }

  private static Timestamp ts(Instant t) {
    return Timestamp.from(t);
  }
}
