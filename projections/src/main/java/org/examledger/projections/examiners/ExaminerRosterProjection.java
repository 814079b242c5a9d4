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
import org.examledger.projections.ProjectionWrites;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Keeps the roster tables in the tracking processor {@value #PROCESSING_GROUP}. */
@ProcessingGroup(ExaminerRosterProjection.PROCESSING_GROUP)
public class ExaminerRosterProjection {

  public static final String PROCESSING_GROUP = "examiner-roster";

  /** Reads and the reset handler's deletions, at once. */
  private final JdbcClient jdbc;

  /** The event handlers' writes, as JDBC batches at the commit of the processor's batch. */
  private final ProjectionWrites writes;

  public ExaminerRosterProjection(JdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
    this.writes = new ProjectionWrites(jdbc);
  }

  @EventHandler
  void on(KeyRegisteredEvent e) {
    if (e.role() != ActorRole.EXAMINER) {
      return;
    }
    long known =
        writes
            .read()
            .sql("SELECT COUNT(*) FROM rm_examiner WHERE person_id = ?")
            .param(e.ownerId())
            .query(Long.class)
            .single();
    if (known == 0) {
      writes.update(
          "INSERT INTO rm_examiner (person_id, registered_at) VALUES (?, ?)",
          e.ownerId(),
          ts(e.validFrom()));
    }
  }

  @EventHandler
  void on(SessionScheduledEvent e) {
    for (ScoreComponent c : e.components()) {
      writes.update(
          "INSERT INTO rm_roster_component (session_id, component_id, max_score) VALUES (?, ?,"
              + " ?)",
          e.sessionId(),
          c.componentId(),
          c.maxScore());
    }
  }

  @EventHandler
  void on(StaffAssignedEvent e) {
    // a reassignment after an unassignment reopens the row
    writes.update(
        "DELETE FROM rm_examiner_assignment WHERE person_id = ? AND session_id = ? AND role ="
            + " ?",
        e.personId(),
        e.sessionId(),
        e.role().name());
    writes.update(
        "INSERT INTO rm_examiner_assignment (person_id, session_id, role, assigned_at,"
            + " unassigned_at) VALUES (?, ?, ?, ?, NULL)",
        e.personId(),
        e.sessionId(),
        e.role().name(),
        ts(e.provenance().receivedAt()));
  }

  @EventHandler
  void on(StaffUnassignedEvent e) {
    writes.update(
        "UPDATE rm_examiner_assignment SET unassigned_at = ? WHERE person_id = ? AND"
            + " session_id = ? AND role = ?",
        ts(e.provenance().receivedAt()),
        e.personId(),
        e.sessionId(),
        e.role().name());
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
    writes.update(
        "UPDATE rm_roster_mark SET score = ? WHERE session_id = ? AND candidate_id = ? AND"
            + " component_id = ? AND mark_number = ?",
        e.newScore(),
        e.sessionId(),
        e.candidateId(),
        e.componentId(),
        Math.max(1, e.markNumber()));
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
    writes.update(
        "INSERT INTO rm_roster_mark (session_id, candidate_id, component_id, mark_number,"
            + " examiner_id, score) VALUES (?, ?, ?, ?, ?, ?)",
        session,
        candidate,
        component,
        n,
        examiner,
        s);
  }

  private static Timestamp ts(Instant t) {
    return Timestamp.from(t);
  }
}
