package org.examledger.projections.complaints;

import java.sql.Timestamp;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.examledger.complaints.RespondentReinstatedEvent;
import org.examledger.complaints.RespondentSuspendedEvent;
import org.examledger.complaints.SanctionRescindedEvent;
import org.examledger.complaints.SanctionStatus;
import org.examledger.complaints.SuspensionPeriodEndedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keeps {@code rm_suspension}: one row per sanction with the interval in which it bars its person.
 * Meant for a SUBSCRIBING processor with a propagating error handler, so that the row commits with
 * the event or not at all.
 */
@ProcessingGroup(SuspensionProjection.PROCESSING_GROUP)
public class SuspensionProjection {

  public static final String PROCESSING_GROUP = "suspensions";

  private final JdbcClient jdbc;

  public SuspensionProjection(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventHandler
  void on(RespondentSuspendedEvent event) {
    jdbc.sql(
            "INSERT INTO rm_suspension (complaint_id, person_id, suspended_from, suspended_until,"
                + " status, ended_at) VALUES (?, ?, ?, ?, ?, NULL)")
        .params(
            event.complaintId(),
            event.personId(),
            ts(event.suspendedFrom()),
            ts(event.suspendedUntil()),
            SanctionStatus.SUSPENDED.name())
        .update();
  }

  @EventHandler
  void on(SuspensionPeriodEndedEvent event) {
    status(event.complaintId(), SanctionStatus.AWAITING_REINSTATEMENT, null);
  }

  @EventHandler
  void on(RespondentReinstatedEvent event) {
    status(event.complaintId(), SanctionStatus.REINSTATED, event.reinstatedAt());
  }

  @EventHandler
  void on(SanctionRescindedEvent event) {
    status(event.complaintId(), SanctionStatus.RESCINDED, event.rescindedAt());
  }

  @ResetHandler
  void reset() {
    jdbc.sql("DELETE FROM rm_suspension").update();
  }

  private void status(String complaintId, SanctionStatus status, Instant endedAt) {
    jdbc.sql("UPDATE rm_suspension SET status = ?, ended_at = ? WHERE complaint_id = ?")
        .params(status.name(), endedAt == null ? null : ts(endedAt), complaintId)
        .update();
  }

  private static Timestamp ts(Instant t) {
    return Timestamp.from(t);
  }
}
