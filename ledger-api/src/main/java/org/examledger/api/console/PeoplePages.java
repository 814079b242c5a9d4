package org.examledger.api.console;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.api.security.AccountRole;
import org.examledger.api.security.LedgerCaller;
import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.complaints.ComplaintViews.CaseDetail;
import org.examledger.projections.complaints.ComplaintViews.CaseSummary;
import org.examledger.projections.examiners.ExaminerRoster;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The examiner roster, one examiner's page, the complaint cases and one case with the steps the
 * signed-in supervisor may take next. Read from the roster and complaint projections, as the API's
 * examiner and complaint reads are.
 */
@Controller
class PeoplePages {

  private final ExaminerRoster roster;
  private final ComplaintViews complaints;
  private final Clock clock;
  private final LedgerFlags ledger;

  PeoplePages(ExaminerRoster roster, ComplaintViews complaints, Clock clock, LedgerFlags ledger) {
    this.roster = roster;
    this.complaints = complaints;
    this.clock = clock;
    this.ledger = ledger;
  }

  /**
   * A step a supervisor may take next: the statement type to sign and its subject.
   *
   * @param key the message key naming the step
   */
  record NextStep(String key, String statementType, String subject) {}

  @GetMapping("/console/examiners")
  String examiners(Model model) {
    model.addAttribute("examiners", roster.roster(clock.instant()));
    return "console/examiners";
  }

  @GetMapping("/console/examiners/{personId}")
  String examiner(@PathVariable String personId, Model model) {
    ExaminerRoster.ExaminerDetail detail =
        roster
            .examiner(personId, clock.instant())
            .orElseThrow(() -> ConsoleProblem.notFound("console.notFound.examiner", personId));
    model.addAttribute("detail", detail);
    // the sheets where they gave a mark, as the API's bunching by examiner takes them
    model.addAttribute(
        "distribution",
        ScoreDistribution.of(
            ledger.sheets(),
            s -> s.components().stream().anyMatch(c -> personId.equals(c.recordedBy()))));
    return "console/examiner";
  }

  @GetMapping("/console/complaints")
  String complaints(Model model) {
    model.addAttribute("cases", complaints.openCases(clock.instant()));
    return "console/complaints";
  }

  @GetMapping("/console/complaints/{complaintId}")
  String complaint(
      @PathVariable String complaintId, @AuthenticationPrincipal LedgerCaller caller, Model model) {
    CaseDetail detail =
        complaints
            .find(complaintId, clock.instant())
            .orElseThrow(() -> ConsoleProblem.notFound("console.notFound.complaint", complaintId));
    model.addAttribute("detail", detail);
    model.addAttribute(
        "nextSteps",
        caller.has(AccountRole.SUPERVISOR) ? nextSteps(detail.complaint()) : List.of());
    return "console/complaint";
  }

  /**
   * What the workflow (the complaint case aggregate) accepts next from a supervisor: investigate,
   * refer or decide an open case; reopen a decided one; the upper level's approval of a
   * reinstatement the station has approved.
   */
  static List<NextStep> nextSteps(CaseSummary c) {
    List<NextStep> steps = new ArrayList<>();
    String id = c.complaintId();
    if (c.status().equals("RECEIVED") || c.status().equals("UNDER_INVESTIGATION")) {
      steps.add(new NextStep("complaint.step.assign", "complaint.investigator.assign/v1", id));
      steps.add(new NextStep("complaint.step.evidence", "complaint.evidence.link/v1", id));
      steps.add(new NextStep("complaint.step.refer", "complaint.refer/v1", id));
      steps.add(new NextStep("complaint.step.decide", "complaint.decide/v1", id));
    } else {
      steps.add(new NextStep("complaint.step.reopen", "complaint.reopen/v1", id));
    }
    ComplaintViews.Sanction s = c.sanction();
    if (s != null
        && s.status().equals("AWAITING_REINSTATEMENT")
        && s.stationApprovedBy() != null
        && s.upperLevelApprovedBy() == null) {
      steps.add(new NextStep("complaint.step.reinstate", "complaint.reinstatement.approve/v1", id));
    }
    return steps;
  }
}
