package org.examledger.api.web;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.ReviewedFlag;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.projections.examiners.ExaminerRoster;
import org.examledger.projections.examiners.ExaminerRoster.ExaminerDetail;
import org.examledger.projections.examiners.ExaminerRoster.ExaminerRow;
import org.examledger.projections.statistics.StationStatistics;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The examiner roster and the station's annual statistics, from their tracking projections (which
 * may lag a write by a moment).
 */
@RestController
class RosterController {

  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2200;

  private final ExaminerRoster roster;
  private final StationStatistics statistics;
  private final Clock clock;
  private final LedgerFlags flags;

  RosterController(
      ExaminerRoster roster, StationStatistics statistics, Clock clock, LedgerFlags flags) {
    this.roster = roster;
    this.statistics = statistics;
    this.clock = clock;
    this.flags = flags;
  }

  @GetMapping("/api/v1/examiners")
  List<ExaminerRow> examiners() {
    return roster.roster(clock.instant());
  }

  @GetMapping("/api/v1/examiners/{personId}")
  ExaminerDetail examiner(@PathVariable String personId) {
    return roster
        .examiner(personId, clock.instant())
        .orElseThrow(
            () ->
                new NotFoundProblem(
                    "unknown-examiner",
                    "'"
                        + personId
                        + "' is not on the roster (no EXAMINER key, assignment or mark)"));
  }

  @GetMapping("/api/v1/statistics/{year}")
  StationStatistics.Year year(@PathVariable int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new BadQueryProblem(
          "invalid-year",
          "year",
          "year must be between " + FIRST_YEAR + " and " + LAST_YEAR + "; was " + year);
    }
    Set<String> sessions =
        flags.sessions().stream()
            .filter(s -> ComplaintCaseProjection.stationYear(s.startsAt()) == year)
            .map(SessionScheduledEvent::sessionId)
            .collect(Collectors.toSet());
    Map<String, Long> byRule = new TreeMap<>();
    FlagEngine.ruleIds().forEach(r -> byRule.put(r, 0L));
    for (ReviewedFlag f : flags.flags(clock.instant())) {
      if (sessions.contains(f.flag().subject().sessionId())) {
        byRule.merge(f.flag().ruleId(), 1L, Long::sum);
      }
    }
    return statistics.year(year, byRule);
  }
}
