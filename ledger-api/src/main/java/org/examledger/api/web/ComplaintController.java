package org.examledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import org.examledger.projections.complaints.ComplaintViews;
import org.examledger.projections.complaints.ComplaintViews.CaseDetail;
import org.examledger.projections.complaints.ComplaintViews.CaseSummary;
import org.examledger.projections.complaints.ComplaintViews.PersonHistory;
import org.examledger.projections.complaints.ComplaintViews.StationYear;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The supervisors' reads of the complaint workflow. Every step is written as a signed {@code
 * complaint.*} statement through {@code POST /api/v1/statements}; these views come from the
 * tracking projection {@code complaint-cases} and may lag a write by a moment. Ages are measured
 * against the service's clock.
 */
@RestController
class ComplaintController {

  private final ComplaintViews views;
  private final Clock clock;

  private final Pages pages;

  ComplaintController(ComplaintViews views, Clock clock, Pages pages) {
    this.pages = pages;
    this.views = views;
    this.clock = clock;
  }

  /** Cases received or under investigation, oldest first, with their age in days. */
  @GetMapping("/api/v1/complaints")
  List<CaseSummary> open(
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      HttpServletResponse response) {
    return pages.page(views.openCases(clock.instant()), offset, limit, response);
  }

  @GetMapping("/api/v1/complaints/{complaintId}")
  CaseDetail one(@PathVariable String complaintId) {
    return views
        .find(complaintId, clock.instant())
        .orElseThrow(
            () -> new NotFoundProblem("unknown-complaint", "no complaint '" + complaintId + "'"));
  }

  /** Complaint counts and rates of one station year (China Standard Time), per examiner too. */
  @GetMapping("/api/v1/complaints/statistics")
  StationYear statistics(@RequestParam int year) {
    QueryParameters.year(year);
    return views.statistics(year);
  }

  /**
   * A person's standing now, the complaints about them with their sanctions, and what they signed
   * while suspended.
   */
  @GetMapping("/api/v1/people/{personId}/complaints")
  PersonHistory history(@PathVariable String personId) {
    return views.history(personId, clock.instant());
  }
}
