package org.examledger.projections.examiners;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.complaints.ComplaintViews.PersonHistory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The examiner roster, read from the roster tables and the complaint views.
 *
 * <p>The <b>leniency index</b> of an examiner is the mean, over every mark they gave, of how far
 * the mark lies above the mean of the other examiners' marks for the same component of the same
 * session, in percent of the component's maximum: +5 means their marks run five points in a hundred
 * above their colleagues'. Marks with no colleague's mark to compare are not counted ({@code
 * comparedMarks} says how many were). It describes, it does not accuse: a session's candidates are
 * not assigned at random.
 */
public class ExaminerRoster {

  private final JdbcClient jdbc;
  private final ComplaintViews complaints;

  public ExaminerRoster(JdbcClient jdbc, ComplaintViews complaints) {
    this.jdbc = jdbc;
    this.complaints = complaints;
  }

  /**
   * @param standing ACTIVE, SUSPENDED or AWAITING_REINSTATEMENT now
   * @param leniencyIndex percentage points above (below, when negative) colleagues; null when no
   *     mark could be compared
   */
  public record ExaminerRow(
      String personId,
      Instant registeredAt,
      String standing,
      int sessions,
      int marks,
      int comparedMarks,
      BigDecimal leniencyIndex,
      int complaints) {}

  public record Assignment(
      String sessionId, String role, Instant assignedAt, Instant unassignedAt) {}

  public record ExaminerDetail(
      ExaminerRow examiner, List<Assignment> assignments, PersonHistory complaints) {}

  private record Mark(String session, String component, String examiner, BigDecimal share) {}

  public List<ExaminerRow> roster(Instant now) {
    Map<String, Instant> registered = new TreeMap<>();
    jdbc.sql("SELECT person_id, registered_at FROM rm_examiner")
        .query((rs, n) -> registered.put(rs.getString(1), rs.getTimestamp(2).toInstant()))
        .list();
    TreeSet<String> people = new TreeSet<>(registered.keySet());
    Map<String, Integer> sessions = new HashMap<>();
    jdbc.sql(
            "SELECT person_id, COUNT(DISTINCT session_id) FROM rm_examiner_assignment WHERE role"
                + " IN ('EXAMINER', 'CHIEF_EXAMINER') GROUP BY person_id")
        .query((rs, n) -> sessions.put(rs.getString(1), rs.getInt(2)))
        .list();
    people.addAll(sessions.keySet());
    Map<String, int[]> counts = new HashMap<>();
    Map<String, BigDecimal> leniency = leniency(counts);
    people.addAll(counts.keySet());
    List<ExaminerRow> rows = new ArrayList<>();
    for (String person : people) {
      PersonHistory history = complaints.history(person, now);
      int[] c = counts.getOrDefault(person, new int[2]);
      rows.add(
          new ExaminerRow(
              person,
              registered.get(person),
              history.standing(),
              sessions.getOrDefault(person, 0),
              c[0],
              c[1],
              leniency.get(person),
              history.complaints().size()));
    }
    return rows;
  }

  public Optional<ExaminerDetail> examiner(String personId, Instant now) {
    Optional<ExaminerRow> row =
        roster(now).stream().filter(r -> r.personId().equals(personId)).findFirst();
    return row.map(
        r ->
            new ExaminerDetail(
                r,
                jdbc.sql(
                        "SELECT session_id, role, assigned_at, unassigned_at FROM"
                            + " rm_examiner_assignment WHERE person_id = ? ORDER BY assigned_at,"
                            + " session_id, role")
                    .param(personId)
                    .query(
                        (rs, n) -> {
                          Timestamp un = rs.getTimestamp(4);
                          return new Assignment(
                              rs.getString(1),
                              rs.getString(2),
                              rs.getTimestamp(3).toInstant(),
                              un == null ? null : un.toInstant());
                        })
                    .list(),
                complaints.history(personId, now)));
  }

  /** counts: person -> {marks, compared marks}; returns person -> leniency index. */
  private Map<String, BigDecimal> leniency(Map<String, int[]> counts) {
    List<Mark> marks =
        jdbc.sql(
                "SELECT m.session_id, m.component_id, m.examiner_id, m.score, c.max_score FROM"
                    + " rm_roster_mark m JOIN rm_roster_component c ON c.session_id ="
                    + " m.session_id AND c.component_id = m.component_id")
            .query(
                (rs, n) ->
                    new Mark(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getBigDecimal(4)
                            .multiply(BigDecimal.valueOf(100))
                            .divide(rs.getBigDecimal(5), 6, RoundingMode.HALF_EVEN)))
            .list();
    // per (session, component): sum and count of shares per examiner
    Map<String, Map<String, BigDecimal[]>> byComponent = new HashMap<>();
    for (Mark m : marks) {
      counts.computeIfAbsent(m.examiner(), k -> new int[2])[0]++;
      BigDecimal[] acc =
          byComponent
              .computeIfAbsent(m.session() + "\u0000" + m.component(), k -> new HashMap<>())
              .computeIfAbsent(
                  m.examiner(), k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
      acc[0] = acc[0].add(m.share());
      acc[1] = acc[1].add(BigDecimal.ONE);
    }
    Map<String, BigDecimal> deviationSum = new HashMap<>();
    for (Mark m : marks) {
      Map<String, BigDecimal[]> group = byComponent.get(m.session() + "\u0000" + m.component());
      BigDecimal otherSum = BigDecimal.ZERO;
      BigDecimal otherCount = BigDecimal.ZERO;
      for (Map.Entry<String, BigDecimal[]> e : group.entrySet()) {
        if (!e.getKey().equals(m.examiner())) {
          otherSum = otherSum.add(e.getValue()[0]);
          otherCount = otherCount.add(e.getValue()[1]);
        }
      }
      if (otherCount.signum() == 0) {
        continue;
      }
      BigDecimal deviation =
          m.share().subtract(otherSum.divide(otherCount, 6, RoundingMode.HALF_EVEN));
      deviationSum.merge(m.examiner(), deviation, BigDecimal::add);
      counts.get(m.examiner())[1]++;
    }
    Map<String, BigDecimal> index = new HashMap<>();
    deviationSum.forEach(
        (person, sum) ->
            index.put(
                person,
                sum.divide(BigDecimal.valueOf(counts.get(person)[1]), 2, RoundingMode.HALF_EVEN)));
    return index;
  }
}
