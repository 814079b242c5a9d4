package org.examledger.api.console;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.examledger.projections.bunching.BinEstimate;
import org.examledger.projections.bunching.BunchingEstimator;
import org.examledger.projections.bunching.BunchingParameters;
import org.examledger.projections.bunching.BunchingResult;
import org.examledger.sheets.ResultSheetView;

/**
 * The totals of a group of complete result sheets, per whole point, and (when estimable) the
 * bunching estimate's counterfactual over its fit range (docs/bunching.md, as {@code GET
 * /api/v1/bunching}): the statistics page draws a station year's, the examiner page the sheets an
 * examiner marked.
 *
 * @param problem why there is no estimate (too few sheets, mixed pass marks), or null
 */
record ScoreDistribution(
    int passMark, int sheets, Map<Integer, Long> counts, BunchingResult estimate, String problem) {

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

  static ScoreDistribution of(List<ResultSheetView> all, Predicate<ResultSheetView> wanted) {
    Map<Integer, Long> counts = new TreeMap<>();
    Map<Integer, Long> passMarks = new TreeMap<>();
    List<Integer> totals = new ArrayList<>();
    for (ResultSheetView s : all) {
      if (s.outcome() == ResultSheetView.Outcome.INCOMPLETE || !wanted.test(s)) {
        continue;
      }
      int total = s.total().setScale(0, RoundingMode.FLOOR).intValueExact();
      totals.add(total);
      counts.merge(total, 1L, Long::sum);
      passMarks.merge(s.passMark().setScale(0, RoundingMode.FLOOR).intValueExact(), 1L, Long::sum);
    }
    if (totals.isEmpty()) {
      return new ScoreDistribution(60, 0, counts, null, "no-sheets");
    }
    Set<Integer> marks = passMarks.keySet();
    int passMark = marks.iterator().next();
    if (marks.size() > 1) {
      return new ScoreDistribution(passMark, totals.size(), counts, null, "mixed-pass-marks");
    }
    try {
      BunchingResult result =
          new BunchingEstimator(BunchingParameters.defaults(passMark))
              .estimate(totals.stream().mapToInt(Integer::intValue).toArray());
      return new ScoreDistribution(passMark, totals.size(), counts, result, null);
    } catch (IllegalArgumentException e) {
      return new ScoreDistribution(passMark, totals.size(), counts, null, e.getMessage());
    }
  }
}
