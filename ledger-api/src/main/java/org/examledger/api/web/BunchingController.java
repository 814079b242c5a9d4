package org.examledger.api.web;

import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.projections.bunching.BunchingEstimator;
import org.examledger.projections.bunching.BunchingParameters;
import org.examledger.projections.bunching.BunchingResult;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.sheets.ResultSheetView;
import org.examledger.sheets.ResultSheetView.ComponentScoreView;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Statistical bunching (docs/bunching.md) over the totals of complete result sheets: for the whole
 * station, or one examiner (the sheets where they gave a first mark), session or occupation, in one
 * station year or all. Totals are taken as whole points (rounded down) on the sheets' 0-100 scale;
 * the group's sessions must share one pass mark.
 */
@RestController
class BunchingController {

  private final LedgerFlags ledger;

  BunchingController(LedgerFlags ledger) {
    this.ledger = ledger;
  }

  /**
   * @param group what was measured, e.g. "examiner examiner-07, 2026"
   * @param flagged the estimator's verdict: significant excess just above the pass mark
   */
  record Answer(String group, int passMark, int sheets, boolean flagged, BunchingResult result) {}

  @GetMapping("/api/v1/bunching")
  Answer bunching(
      @RequestParam(required = false) String examiner,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String occupation,
      @RequestParam(required = false) Integer year) {
    int narrowers =
        (examiner == null ? 0 : 1) + (session == null ? 0 : 1) + (occupation == null ? 0 : 1);
    if (narrowers > 1) {
      throw new BadQueryProblem(
          "too-many-groups", "examiner", "give at most one of examiner, session, occupation");
    }
    Map<String, SessionScheduledEvent> sessions =
        ledger.sessions().stream()
            .collect(Collectors.toMap(SessionScheduledEvent::sessionId, Function.identity()));
    List<ResultSheetView> sheets = new ArrayList<>();
    for (ResultSheetView s : ledger.sheets()) {
      SessionScheduledEvent scheduled = sessions.get(s.sessionId());
      if (s.outcome() == ResultSheetView.Outcome.INCOMPLETE || scheduled == null) {
        continue;
      }
      if (year != null && ComplaintCaseProjection.stationYear(scheduled.startsAt()) != year) {
        continue;
      }
      if (session != null && !session.equals(s.sessionId())
          || occupation != null && !occupation.equals(scheduled.occupation())
          || examiner != null
              && s.components().stream()
                  .map(ComponentScoreView::recordedBy)
                  .noneMatch(examiner::equals)) {
        continue;
      }
      sheets.add(s);
    }
    Set<Integer> passMarks = new TreeSet<>();
    sheets.forEach(
        s -> passMarks.add(s.passMark().setScale(0, RoundingMode.FLOOR).intValueExact()));
    if (passMarks.size() > 1) {
      throw new BadQueryProblem(
          "mixed-pass-marks",
          "session",
          "the group's sessions have pass marks " + passMarks + "; narrow it to one pass mark");
    }
    String group =
        (examiner != null
                ? "examiner " + examiner
                : session != null
                    ? "session " + session
                    : occupation != null ? "occupation " + occupation : "station")
            + (year == null ? "" : ", " + year);
    if (sheets.isEmpty()) {
      throw new NotFoundProblem("no-complete-sheets", "no complete result sheets for " + group);
    }
    int passMark = passMarks.iterator().next();
    int[] scores =
        sheets.stream()
            .mapToInt(s -> s.total().setScale(0, RoundingMode.FLOOR).intValueExact())
            .toArray();
    BunchingResult result;
    try {
      result = new BunchingEstimator(BunchingParameters.defaults(passMark)).estimate(scores);
    } catch (IllegalArgumentException e) {
      throw new BadQueryProblem(
          "bunching-not-estimable", "examiner", group + ": " + e.getMessage());
    }
    return new Answer(group, passMark, sheets.size(), result.significant(), result);
  }
}
