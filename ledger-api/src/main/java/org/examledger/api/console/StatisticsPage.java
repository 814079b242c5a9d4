package org.examledger.api.console;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.ReviewedFlag;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.projections.statistics.StationStatistics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The station's year in numbers (the statistics projection, as {@code GET
 * /api/v1/statistics/{year}}) and the distribution of complete sheets' totals around the pass mark
 * with the bunching estimate (docs/bunching.md, as {@code GET /api/v1/bunching?year=}). The chart
 * is drawn by ECharts from the numbers the page also lists in a table.
 */
@Controller
class StatisticsPage {

  private final StationStatistics statistics;
  private final LedgerFlags ledger;
  private final Clock clock;

  StatisticsPage(StationStatistics statistics, LedgerFlags ledger, Clock clock) {
    this.statistics = statistics;
    this.ledger = ledger;
    this.clock = clock;
  }

  @GetMapping("/console/statistics")
  String statistics(@RequestParam(required = false) Integer year, Model model) {
    List<SessionScheduledEvent> sessions = ledger.sessions();
    int chosen =
        year != null
            ? year
            : sessions.stream()
                .mapToInt(s -> ComplaintCaseProjection.stationYear(s.startsAt()))
                .max()
                .orElse(ComplaintCaseProjection.stationYear(clock.instant()));
    if (chosen < 1900 || chosen > 9999) {
      throw ConsoleProblem.badRequest("console.badRequest.year", String.valueOf(chosen));
    }
    Map<String, SessionScheduledEvent> inYear =
        sessions.stream()
            .filter(s -> ComplaintCaseProjection.stationYear(s.startsAt()) == chosen)
            .collect(Collectors.toMap(SessionScheduledEvent::sessionId, s -> s, (a, b) -> a));
    Map<String, Long> byRule = new TreeMap<>();
    FlagEngine.ruleIds().forEach(r -> byRule.put(r, 0L));
    for (ReviewedFlag f : ledger.flags(clock.instant())) {
      if (inYear.containsKey(f.flag().subject().sessionId())) {
        byRule.merge(f.flag().ruleId(), 1L, Long::sum);
      }
    }
    model.addAttribute("year", chosen);
    model.addAttribute(
        "years",
        sessions.stream()
            .map(s -> ComplaintCaseProjection.stationYear(s.startsAt()))
            .collect(Collectors.toCollection(java.util.TreeSet::new)));
    model.addAttribute("stats", statistics.year(chosen, byRule));
    model.addAttribute(
        "distribution",
        ScoreDistribution.of(ledger.sheets(), s -> inYear.containsKey(s.sessionId())));
    return "console/statistics";
  }
}
