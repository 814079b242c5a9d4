package org.examledger.projections.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.Eligibility;
import org.examledger.exam.ExamType;
import org.examledger.exam.Provenance;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.projections.complaints.ComplaintViews;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The station year against hand-computed numbers. */
class StationStatisticsTest {

  private static final Instant T2026 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Instant T2025 = Instant.parse("2025-06-01T01:00:00Z");

  private StationStatisticsProjection p;
  private StationStatistics statistics;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:stats" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/projections/common")
        .load()
        .migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    p = new StationStatisticsProjection(new JdbcTemplate(dataSource));
    statistics = new StationStatistics(jdbc, new ComplaintViews(jdbc));
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
  void stationYearCountsCandidatesGrowthSessionsByTypeAndPassRate() {
    p.on(session("S-2025", T2025, ExamType.REGULAR));
    p.on(session("S-N", T2026, ExamType.NATIONAL_UNIFIED));
    p.on(session("S-H", T2026, ExamType.HIGH_TECH));
    for (String c : List.of("C-1", "C-2")) {
      p.on(register("S-2025", c, T2025));
    }
    for (String c : List.of("C-1", "C-2")) {
      p.on(register("S-N", c, T2026));
    }
    p.on(register("S-H", "C-9", T2026));
    p.on(
        new ResultSheetPublishedEvent(
            "S-N", "C-1", new BigDecimal("71"), true, by("admin-01", T2026)));
    p.on(
        new ResultSheetPublishedEvent(
            "S-N", "C-2", new BigDecimal("52"), false, by("admin-01", T2026)));

    StationStatistics.Year y = statistics.year(2026);

    assertThat(y.candidates()).isEqualTo(3);
    assertThat(y.candidatesYearBefore()).isEqualTo(2);
    assertThat(y.candidateGrowth()).isEqualByComparingTo("0.5");
    assertThat(y.sessionsByExamType())
        .containsEntry("NATIONAL_UNIFIED", 1L)
        .containsEntry("HIGH_TECH", 1L)
        .containsEntry("REGULAR", 0L);
    assertThat(y.resultsPublished()).isEqualTo(2);
    assertThat(y.passRate()).isEqualByComparingTo("0.5");
    assertThat(statistics.year(2024).candidateGrowth()).isNull();
  }

  private static CandidateRegisteredEvent register(String session, String candidate, Instant at) {
    return new CandidateRegisteredEvent(
        session,
        candidate,
        "R1",
        new Eligibility("level 3", "240 h"),
        List.of(),
        by("admin-01", at));
  }
}
