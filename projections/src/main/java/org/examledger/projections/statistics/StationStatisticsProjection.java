package org.examledger.projections.statistics;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.SessionCancelledEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps the statistics tables in the tracking processor {@value #PROCESSING_GROUP}. A session and
 * its candidates count in the station year (China Standard Time) in which the session starts.
 */
@ProcessingGroup(StationStatisticsProjection.PROCESSING_GROUP)
public class StationStatisticsProjection {

  public static final String PROCESSING_GROUP = "station-statistics";

  private final JdbcClient jdbc;

  public StationStatisticsProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(SessionScheduledEvent e) {
    jdbc.sql(
            "INSERT INTO rm_stat_session (session_id, stat_year, exam_type, occupation,"
                + " cancelled) VALUES (?, ?, ?, ?, FALSE)")
        .params(
            e.sessionId(),
            ComplaintCaseProjection.stationYear(e.startsAt()),
            e.examType().name(),
            e.occupation())
        .update();
  }

  @EventHandler
  void on(SessionCancelledEvent e) {
    jdbc.sql("UPDATE rm_stat_session SET cancelled = TRUE WHERE session_id = ?")
        .param(e.sessionId())
        .update();
  }

  @EventHandler
  void on(CandidateRegisteredEvent e) {
    jdbc.sql(
            "INSERT INTO rm_stat_candidate (session_id, candidate_id, stat_year, passed) SELECT"
                + " session_id, ?, stat_year, NULL FROM rm_stat_session WHERE session_id = ?")
        .params(e.candidateId(), e.sessionId())
        .update();
  }

  /** The published result counts (a republication after a reopening replaces it). */
  @EventHandler
  void on(ResultSheetPublishedEvent e) {
    jdbc.sql("UPDATE rm_stat_candidate SET passed = ? WHERE session_id = ? AND candidate_id = ?")
        .params(e.passed(), e.sessionId(), e.candidateId())
        .update();
  }

  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM rm_stat_candidate").update();
    jdbc.sql("DELETE FROM rm_stat_session").update();
  }
}
