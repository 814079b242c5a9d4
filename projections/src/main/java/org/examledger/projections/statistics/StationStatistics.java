package org.examledger.projections.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import org.examledger.exam.ExamType;
import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.complaints.ComplaintViews.StationYear;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A station year in numbers (see the package description). */
public class StationStatistics {

  private final JdbcClient jdbc;
  private final ComplaintViews complaints;

  public StationStatistics(JdbcClient jdbc, ComplaintViews complaints) {
    this.jdbc = jdbc;
    this.complaints = complaints;
  }

  /**
   * @param candidateGrowth candidates against the year before, as a fraction (0.362 for +36.2%);
   *     null when the year before had none
   * @param sessionsByExamType sessions held (not cancelled) per exam type, every type listed
   * @param passRate passed / published results; null before any result is published
   * @param complaints the complaint figures of the year (the same as /api/v1/complaints/statistics)
   */
  public record Year(
      int year,
      long candidates,
      long candidatesYearBefore,
      BigDecimal candidateGrowth,
      long sessions,
      long sessionsCancelled,
      Map<String, Long> sessionsByExamType,
      long occupations,
      long resultsPublished,
      long passed,
      BigDecimal passRate,
      StationYear complaints,
      Map<String, Long> flagsByRule) {}

  /** The year without flag counts. */
  public Year year(int year) {
    return year(year, Map.of());
  }

  public Year year(int year, Map<String, Long> flagsByRule) {
    long candidates = candidates(year);
    long before = candidates(year - 1);
    Map<String, Long> byType = new TreeMap<>();
    for (ExamType t : ExamType.values()) {
      byType.put(t.name(), 0L);
    }
    jdbc.sql(
            "SELECT exam_type, COUNT(*) FROM rm_stat_session WHERE stat_year = ? AND NOT cancelled"
                + " GROUP BY exam_type")
        .param(year)
        .query((rs, n) -> byType.put(rs.getString(1), rs.getLong(2)))
        .list();
    long sessions = byType.values().stream().mapToLong(Long::longValue).sum();
    long cancelled =
        count("SELECT COUNT(*) FROM rm_stat_session WHERE stat_year = ? AND cancelled", year);
    long occupations =
        count(
            "SELECT COUNT(DISTINCT occupation) FROM rm_stat_session WHERE stat_year = ? AND NOT"
                + " cancelled",
            year);
    long published =
        count(
            "SELECT COUNT(*) FROM rm_stat_candidate WHERE stat_year = ? AND passed IS NOT NULL",
            year);
    long passed =
        count("SELECT COUNT(*) FROM rm_stat_candidate WHERE stat_year = ? AND passed = TRUE", year);
    return new Year(
        year,
        candidates,
        before,
        before == 0
            ? null
            : BigDecimal.valueOf(candidates - before)
                .divide(BigDecimal.valueOf(before), 4, RoundingMode.HALF_EVEN),
        sessions,
        cancelled,
        byType,
        occupations,
        published,
        passed,
        published == 0
            ? null
            : BigDecimal.valueOf(passed)
                .divide(BigDecimal.valueOf(published), 4, RoundingMode.HALF_EVEN),
        complaints.statistics(year),
        new TreeMap<>(flagsByRule));
  }

  private long candidates(int year) {
    return count("SELECT COUNT(*) FROM rm_stat_candidate WHERE stat_year = ?", year);
  }

  private long count(String sql, int year) {
    return jdbc.sql(sql).param(year).query(Long.class).single();
  }
}
