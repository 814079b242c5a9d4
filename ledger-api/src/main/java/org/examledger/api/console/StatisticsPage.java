package org.examledger.api.console;

import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.ReviewedFlag;
import org.examledger.projections.bunching.BinEstimate;
import org.examledger.projections.bunching.BunchingEstimator;
import org.examledger.projections.bunching.BunchingParameters;
import org.examledger.projections.bunching.BunchingResult;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.projections.statistics.StationStatistics;
import org.examledger.sheets.ResultSheetView;
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

  /**
   * The chart's numbers: totals per whole point, and (when estimable) the estimate's counterfactual
   * over the fit range.
   *
   * @param problem why there is no estimate (too few sheets, mixed pass marks), or null
   */
  record Distribution(
      int passMark,
      int sheets,
      Map<Integer, Long> counts,
      BunchingResult estimate,
      String problem) {

    /** The chart's data as JSON-ready maps (read by console/assets/statistics.js). */
    public Map<String, Object> chart() {
      Map<String, Object> chart = new LinkedHashMap<>();
      List<Integer> scores = new ArrayList<>();
      List<Long> actual = new ArrayList<>();
      List<Double> counterfactual = new ArrayList<>();
      for (int s = 0; s <= 100; s++) {
        scores.add(s);
        actual.add(counts.getOrDefault(s, 0L));
        counterfactual.add(null);
      }
      if (estimate != null) {
        for (BinEstimate b : estimate.bins()) {
          if (b.score() >= 0 && b.score() <= 100) {
            counterfactual.set(b.score(), Math.round(b.counterfactual() * 100) / 100.0);
          }
        }
      }
      chart.put("scores", scores);
      chart.put("actual", actual);
      chart.put("counterfactual", counterfactual);
      chart.put("passMark", passMark);
      return chart;
    }
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
    model.addAttribute("distribution", distribution(inYear));
    return "console/statistics";
  }

  private Distribution distribution(Map<String, SessionScheduledEvent> inYear) {
    Map<Integer, Long> counts = new TreeMap<>();
    Map<Integer, Long> passMarks = new TreeMap<>();
    List<Integer> totals = new ArrayList<>();
    for (ResultSheetView s : ledger.sheets()) {
      if (s.outcome() == ResultSheetView.Outcome.INCOMPLETE || !inYear.containsKey(s.sessionId())) {
        continue;
      }
      int total = s.total().setScale(0, RoundingMode.FLOOR).intValueExact();
      totals.add(total);
      counts.merge(total, 1L, Long::sum);
      passMarks.merge(s.passMark().setScale(0, RoundingMode.FLOOR).intValueExact(), 1L, Long::sum);
    }
    if (totals.isEmpty()) {
      return new Distribution(60, 0, counts, null, "no-sheets");
    }
    Set<Integer> marks = passMarks.keySet();
    int passMark = marks.iterator().next();
    if (marks.size() > 1) {
      return new Distribution(passMark, totals.size(), counts, null, "mixed-pass-marks");
    }
    try {
      BunchingResult result =
          new BunchingEstimator(BunchingParameters.defaults(passMark))
              .estimate(totals.stream().mapToInt(Integer::intValue).toArray());
      return new Distribution(passMark, totals.size(), counts, result, null);
    } catch (IllegalArgumentException e) {
      return new Distribution(passMark, totals.size(), counts, null, e.getMessage());
    }
  }
}
