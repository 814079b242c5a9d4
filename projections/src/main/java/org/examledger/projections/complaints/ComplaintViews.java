package org.examledger.projections.complaints;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisors' questions, answered from the complaint read models: open cases with their age,
 * one case with every step, a person's complaint and sanction history, and the zero-complaint
 * statistics per station year. Ages are measured against the instant the caller passes (the
 * service's clock).
 */
public class ComplaintViews {

  private static final String CASE_COLUMNS =
      "complaint_id, respondent_id, respondent_role, session_id, candidate_id, channel, summary,"
          + " filed_by, filed_at, status, investigator_id, referred_to, outcome, reasons,"
          + " decided_at, reopen_count, sanction_status, suspended_from, suspended_until,"
          + " self_criticism_sha256, station_approved_by, upper_approved_by, sanction_ended_at";

  private final JdbcClient jdbc;

  public ComplaintViews(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A case as a row: what a supervisor's list shows. */
  public record CaseSummary(
      String complaintId,
      String respondentId,
      String respondentRole,
      String sessionId,
      String candidateId,
      String channel,
      String summary,
      String filedBy,
      Instant filedAt,
      long ageDays,
      String status,
      String investigatorId,
      String referredTo,
      String outcome,
      String reasons,
      Instant decidedAt,
      int reopenCount,
      Sanction sanction) {}

  /**
   * The sanction that followed a verified complaint, if any.
   *
   * @param endedAt when it stopped barring the person (reinstated or rescinded)
   */
  public record Sanction(
      String status,
      Instant suspendedFrom,
      Instant suspendedUntil,
      String selfCriticismSha256,
      String stationApprovedBy,
      String upperLevelApprovedBy,
      Instant endedAt) {}

  public record Step(
      int stepNo,
      String step,
      String actorId,
      boolean signed,
      Instant at,
      String detail,
      String eventId) {}

  public record Evidence(
      int evidenceNo,
      String kind,
      String reference,
      String description,
      String linkedBy,
      Instant linkedAt) {}

  public record CaseDetail(CaseSummary complaint, List<Step> steps, List<Evidence> evidence) {}

  public record SuspendedStatement(
      String eventId, String sessionId, String statementType, Instant receivedAt) {}

  /**
   * @param standing ACTIVE, SUSPENDED or AWAITING_REINSTATEMENT at {@code asOf}
   */
  public record PersonHistory(
      String personId,
      Instant asOf,
      String standing,
      List<CaseSummary> complaints,
      List<SuspendedStatement> statementsWhileSuspended) {}

  /**
   * @param candidatesMarked distinct (session, candidate) pairs the examiner marked that year
   * @param complaintsPer100Candidates null when the examiner marked nobody that year
   */
  public record ExaminerYear(
      String personId,
      long complaints,
      long verified,
      long dismissed,
      long open,
      long candidatesMarked,
      BigDecimal complaintsPer100Candidates) {}

  /**
   * @param examinersActive examiners who marked at least one candidate that year
   * @param examinersWithVerifiedComplaints of all examiners, those with a complaint verified
   * @param zeroComplaintShare share of active examiners without any complaint that year
   */
  public record StationYear(
      int year,
      long complaints,
      long verified,
      long dismissed,
      long open,
      long referred,
      long candidatesMarked,
      BigDecimal complaintsPer1000Candidates,
      long examinersActive,
      long examinersWithComplaints,
      long examinersWithVerifiedComplaints,
      BigDecimal zeroComplaintShare,
      List<ExaminerYear> examiners) {}

  public List<CaseSummary> openCases(Instant now) {
    return jdbc.sql(
            "SELECT "
                + CASE_COLUMNS
                + " FROM rm_complaint WHERE status IN ('RECEIVED', 'UNDER_INVESTIGATION')"
                + " ORDER BY filed_at, complaint_id")
        .query((rs, n) -> summary(rs, now))
        .list();
  }

  public Optional<CaseDetail> find(String complaintId, Instant now) {
    Optional<CaseSummary> summary =
        jdbc.sql("SELECT " + CASE_COLUMNS + " FROM rm_complaint WHERE complaint_id = ?")
            .param(complaintId)
            .query((rs, n) -> summary(rs, now))
            .optional();
    return summary.map(
        s ->
            new CaseDetail(
                s,
                jdbc.sql(
                        "SELECT step_no, step, actor_id, signed, at, detail, event_id FROM"
                            + " rm_complaint_step WHERE complaint_id = ? ORDER BY step_no")
                    .param(complaintId)
                    .query(
                        (rs, n) ->
                            new Step(
                                rs.getInt(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getBoolean(4),
                                instant(rs, 5),
                                rs.getString(6),
                                rs.getString(7)))
                    .list(),
                jdbc.sql(
                        "SELECT evidence_no, kind, reference, description, linked_by, linked_at"
                            + " FROM rm_complaint_evidence WHERE complaint_id = ? ORDER BY"
                            + " evidence_no")
                    .param(complaintId)
                    .query(
                        (rs, n) ->
                            new Evidence(
                                rs.getInt(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                instant(rs, 6)))
                    .list()));
  }

  public PersonHistory history(String personId, Instant now) {
    List<CaseSummary> cases =
        jdbc.sql(
                "SELECT "
                    + CASE_COLUMNS
                    + " FROM rm_complaint WHERE respondent_id = ? ORDER BY filed_at, complaint_id")
            .param(personId)
            .query((rs, n) -> summary(rs, now))
            .list();
    List<SuspendedStatement> statements =
        jdbc.sql(
                "SELECT event_id, session_id, statement_type, received_at FROM"
                    + " rm_suspended_statement WHERE person_id = ? ORDER BY received_at, event_id")
            .param(personId)
            .query(
                (rs, n) ->
                    new SuspendedStatement(
                        rs.getString(1), rs.getString(2), rs.getString(3), instant(rs, 4)))
            .list();
    // Standing as of `now` from the intervals alone: suspended until the period's end, then
    // awaiting reinstatement until the sanction ends.
    Timestamp t = Timestamp.from(now);
    List<Instant> barringUntil =
        jdbc.sql(
                "SELECT suspended_until FROM rm_suspension WHERE person_id = ? AND suspended_from"
                    + " <= ? AND (ended_at IS NULL OR ended_at > ?)")
            .params(personId, t, t)
            .query((rs, n) -> rs.getTimestamp(1).toInstant())
            .list();
    String standing =
        barringUntil.stream().anyMatch(until -> until.isAfter(now))
            ? "SUSPENDED"
            : barringUntil.isEmpty() ? "ACTIVE" : "AWAITING_REINSTATEMENT";
    return new PersonHistory(personId, now, standing, cases, statements);
  }

  public StationYear statistics(int year) {
    Map<String, long[]> perExaminer = new TreeMap<>();
    long[] totals = new long[5];
    jdbc.sql(
            "SELECT respondent_id, respondent_role, status, referred_to FROM rm_complaint WHERE"
                + " filed_year = ?")
        .param(year)
        .query(
            (RowCallbackHandler)
                rs -> {
                  String status = rs.getString(3);
                  int column =
                      switch (status) {
                        case "VERIFIED" -> 1;
                        case "DISMISSED" -> 2;
                        default -> 3;
                      };
                  totals[0]++;
                  totals[column]++;
                  if (rs.getString(4) != null) {
                    totals[4]++;
                  }
                  if ("EXAMINER".equals(rs.getString(2))) {
                    long[] row = perExaminer.computeIfAbsent(rs.getString(1), k -> new long[5]);
                    row[0]++;
                    row[column]++;
                  }
                });
    jdbc.sql(
            "SELECT examiner_id, COUNT(*) FROM rm_examiner_marking WHERE mark_year = ? GROUP BY"
                + " examiner_id")
        .param(year)
        .query(
            (RowCallbackHandler)
                rs ->
                    perExaminer.computeIfAbsent(rs.getString(1), k -> new long[5])[4] =
                        rs.getLong(2));
    long candidates =
        jdbc.sql(
                "SELECT COUNT(*) FROM (SELECT DISTINCT session_id, candidate_id FROM"
                    + " rm_examiner_marking WHERE mark_year = ?) m")
            .param(year)
            .query(Long.class)
            .single();
    List<ExaminerYear> examiners = new ArrayList<>();
    long active = 0;
    long activeWithout = 0;
    long withComplaints = 0;
    long withVerified = 0;
    for (Map.Entry<String, long[]> e : perExaminer.entrySet()) {
      long[] r = e.getValue();
      examiners.add(
          new ExaminerYear(e.getKey(), r[0], r[1], r[2], r[3], r[4], ratio(r[0], r[4], 100)));
      if (r[4] > 0) {
        active++;
        if (r[0] == 0) {
          activeWithout++;
        }
      }
      if (r[0] > 0) {
        withComplaints++;
      }
      if (r[1] > 0) {
        withVerified++;
      }
    }
    return new StationYear(
        year,
        totals[0],
        totals[1],
        totals[2],
        totals[3],
        totals[4],
        candidates,
        ratio(totals[0], candidates, 1000),
        active,
        withComplaints,
        withVerified,
        active == 0
            ? null
            : BigDecimal.valueOf(activeWithout)
                .divide(BigDecimal.valueOf(active), 4, RoundingMode.HALF_EVEN),
        examiners);
  }

  private static BigDecimal ratio(long count, long base, int per) {
    if (base == 0) {
      return null;
    }
    return BigDecimal.valueOf(count * (long) per)
        .divide(BigDecimal.valueOf(base), 2, RoundingMode.HALF_EVEN);
  }

  private static CaseSummary summary(ResultSet rs, Instant now) throws SQLException {
    Instant filedAt = instant(rs, "filed_at");
    String sanctionStatus = rs.getString("sanction_status");
    Sanction sanction =
        sanctionStatus == null
            ? null
            : new Sanction(
                sanctionStatus,
                instant(rs, "suspended_from"),
                instant(rs, "suspended_until"),
                rs.getString("self_criticism_sha256"),
                rs.getString("station_approved_by"),
                rs.getString("upper_approved_by"),
                instant(rs, "sanction_ended_at"));
    return new CaseSummary(
        rs.getString("complaint_id"),
        rs.getString("respondent_id"),
        rs.getString("respondent_role"),
        rs.getString("session_id"),
        rs.getString("candidate_id"),
        rs.getString("channel"),
        rs.getString("summary"),
        rs.getString("filed_by"),
        filedAt,
        Math.max(0, Duration.between(filedAt, now).toDays()),
        rs.getString("status"),
        rs.getString("investigator_id"),
        rs.getString("referred_to"),
        rs.getString("outcome"),
        rs.getString("reasons"),
        instant(rs, "decided_at"),
        rs.getInt("reopen_count"),
        sanction);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    Timestamp t = rs.getTimestamp(column);
    return t == null ? null : t.toInstant();
  }
}
