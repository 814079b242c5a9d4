package org.examledger.projections.statistics;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.SessionCancelledEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.projections.ProjectionWrites;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the statistics tables in the tracking processor {@value #PROCESSING_GROUP}. A session and
 * its candidates count in the station year (China Standard Time) in which the session starts.
 */
@ProcessingGroup(StationStatisticsProjection.PROCESSING_GROUP)
public class StationStatisticsProjection {

  public static final String PROCESSING_GROUP = "station-statistics";

  /** Reads and the reset handler's deletions, at once. */
  private final JdbcClient jdbc;

  /** The event handlers' writes, as JDBC batches at the commit of the processor's batch. */
  private final ProjectionWrites writes;

  public StationStatisticsProjection(JdbcOperations jdbc) {
    this.jdbc = JdbcClient.create(jdbc);
    this.writes = new ProjectionWrites(jdbc);
  }

  @EventHandler
  void on(SessionScheduledEvent e) {
    writes.update(
        "INSERT INTO rm_stat_session (session_id, stat_year, exam_type, occupation,"
            + " cancelled) VALUES (?, ?, ?, ?, FALSE)",
        e.sessionId(),
        ComplaintCaseProjection.stationYear(e.startsAt()),
        e.examType().name(),
        e.occupation());
  }

  @EventHandler
  void on(SessionCancelledEvent e) {
    writes.update(
        "UPDATE rm_stat_session SET cancelled = TRUE WHERE session_id = ?", e.sessionId());
  }

  @EventHandler
  void on(CandidateRegisteredEvent e) {
    writes.update(
        "INSERT INTO rm_stat_candidate (session_id, candidate_id, stat_year, passed) SELECT"
            + " session_id, ?, stat_year, NULL FROM rm_stat_session WHERE session_id = ?",
        e.candidateId(),
        e.sessionId());
  }

  /** The published result counts (a republication after a reopening replaces it). */
  @EventHandler
  void on(ResultSheetPublishedEvent e) {
    writes.update(
        "UPDATE rm_stat_candidate SET passed = ? WHERE session_id = ? AND candidate_id = ?",
        e.passed(),
        e.sessionId(),
        e.candidateId());
  }

  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM rm_stat_candidate").update();
    jdbc.sql("DELETE FROM rm_stat_session").update();
  }
}
