package org.examledger.projections.examiners;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.examledger.exam.CorrectionReason;
import org.examledger.exam.ExamType;
import org.examledger.exam.Provenance;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.StaffAssignedEvent;
import org.examledger.exam.StaffRole;
import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.examiners.ExaminerRoster.ExaminerRow;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The roster's leniency index against hand-computed numbers. */
class ExaminerRosterTest {

  private static final Instant T2026 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Instant T2025 = Instant.parse("2025-06-01T01:00:00Z");

  private ExaminerRosterProjection rosterProjection;
  private ExaminerRoster roster;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:roster" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/projections/common")
        .load()
        .migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    ComplaintViews complaints = new ComplaintViews(jdbc);
    rosterProjection = new ExaminerRosterProjection(new JdbcTemplate(dataSource));
    roster = new ExaminerRoster(jdbc, complaints);
  }

  private static Provenance by(String actor, Instant at) {
    return new Provenance(actor, actor, at, "{\"signed\":1}");
  }

  private static SessionScheduledEvent session(String id, Instant start, ExamType type) {
    return new SessionScheduledEvent(
        id,
        "CNC lathe operator",
        4,
        type,
        new BigDecimal("60"),
        List.of(ScoreComponent.singleMarked("theory", "Theory", new BigDecimal("50"))),
        List.of("R1"),
        start,
        start.plusSeconds(3600),
        by("admin-01", start));
  }

  @Test
  void leniencyIsTheMeanDistanceAboveColleaguesMarksInPercentOfTheMaximum() {
    rosterProjection.on(session("S-1", T2026, ExamType.REGULAR));
    rosterProjection.on(
        new StaffAssignedEvent("S-1", "examiner-a", StaffRole.EXAMINER, by("admin-01", T2026)));
    rosterProjection.on(
        new ScoreRecordedEvent(
            "S-1", "C-1", "theory", new BigDecimal("40"), by("examiner-a", T2026)));
    rosterProjection.on(
        new ScoreRecordedEvent(
            "S-1", "C-2", "theory", new BigDecimal("41"), by("examiner-a", T2026)));
    // a correction changes the mark that counts: 41 -> 45
    rosterProjection.on(
        new ScoreCorrectedEvent(
            "S-1",
            "C-2",
            "theory",
            1,
            new BigDecimal("41"),
            new BigDecimal("45"),
            CorrectionReason.ADDITION_ERROR,
            null,
            by("examiner-a", T2026)));
    rosterProjection.on(
        new ScoreRecordedEvent(
            "S-1", "C-3", "theory", new BigDecimal("30"), by("examiner-b", T2026)));

    List<ExaminerRow> rows = roster.roster(T2026);

    // a: shares 80 and 90 against b's 60: +20 and +30, mean +25; b: 60 against 85: -25
    assertThat(rows).extracting(ExaminerRow::personId).containsExactly("examiner-a", "examiner-b");
    assertThat(rows.get(0).leniencyIndex()).isEqualByComparingTo("25.00");
    assertThat(rows.get(0).marks()).isEqualTo(2);
    assertThat(rows.get(0).comparedMarks()).isEqualTo(2);
    assertThat(rows.get(0).sessions()).isEqualTo(1);
    assertThat(rows.get(0).standing()).isEqualTo("ACTIVE");
    assertThat(rows.get(1).leniencyIndex()).isEqualByComparingTo("-25.00");
    assertThat(rows.get(1).sessions()).isZero();
  }

  @Test
  void anExaminerWithNoColleagueToCompareHasNoIndex() {
    rosterProjection.on(session("S-1", T2026, ExamType.REGULAR));
    rosterProjection.on(
        new ScoreRecordedEvent(
            "S-1", "C-1", "theory", new BigDecimal("40"), by("examiner-a", T2026)));

    ExaminerRow row = roster.roster(T2026).get(0);
    assertThat(row.leniencyIndex()).isNull();
    assertThat(row.comparedMarks()).isZero();
  }
}
