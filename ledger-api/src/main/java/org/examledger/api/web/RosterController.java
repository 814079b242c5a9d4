package org.examledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.api.history.HistoryEntry;
import org.examledger.exam.Provenance;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.LedgerEvent;
import org.examledger.flags.ReviewedFlag;
import org.examledger.projections.complaints.ComplaintCaseProjection;
import org.examledger.projections.examiners.ExaminerRoster;
import org.examledger.projections.examiners.ExaminerRoster.ExaminerDetail;
import org.examledger.projections.examiners.ExaminerRoster.ExaminerRow;
import org.examledger.projections.statistics.StationStatistics;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The examiner roster and the station's annual statistics, from their tracking projections (which
 * may lag a write by a moment).
 */
@RestController
class RosterController {

  private final ExaminerRoster roster;
  private final StationStatistics statistics;
  private final Clock clock;
  private final LedgerFlags flags;
  private final JdbcClient jdbc;

  private final Pages pages;

  RosterController(
      ExaminerRoster roster,
      StationStatistics statistics,
      Clock clock,
      LedgerFlags flags,
      JdbcClient jdbc,
      Pages pages) {
    this.pages = pages;
    this.roster = roster;
    this.statistics = statistics;
    this.clock = clock;
    this.flags = flags;
    this.jdbc = jdbc;
  }

  @GetMapping("/api/v1/examiners")
  List<ExaminerRow> examiners(
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      HttpServletResponse response) {
    return pages.page(roster.roster(clock.instant()), offset, limit, response);
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

  /**
   * Every exam and complaint event the person made, in ledger order, with the signature status,
   * leaf index and proof link (the examiner's history).
   */
  @GetMapping("/api/v1/examiners/{personId}/history")
  List<HistoryEntry> history(
      @PathVariable String personId,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      HttpServletResponse response) {
    List<LedgerEvent> events = flags.eventsBy(personId);
    if (events.isEmpty()) {
      throw new NotFoundProblem(
          "unknown-examiner", "'" + personId + "' made no statement in this ledger");
    }
    Map<String, Long> leaves = new java.util.HashMap<>();
    List<String> ids = events.stream().map(LedgerEvent::eventId).toList();
    for (int from = 0; from < ids.size(); from += 500) {
      jdbc.sql(
              "SELECT event_identifier, leaf_index FROM ledger_leaf WHERE event_identifier IN"
                  + " (:ids)")
          .param("ids", ids.subList(from, Math.min(ids.size(), from + 500)))
          .query((rs, n) -> leaves.put(rs.getString(1), rs.getLong(2)))
          .list();
    }
    List<HistoryEntry> out = new java.util.ArrayList<>();
    long position = 0;
    for (LedgerEvent e : events) {
      Long leaf = leaves.get(e.eventId());
      Provenance p = e.provenance();
      out.add(
          new HistoryEntry(
              position++,
              e.eventId(),
              e.payload().getClass().getSimpleName(),
              p.receivedAt(),
              p.actorId(),
              p.submitterId(),
              new HistoryEntry.SignatureStatus(
                  e.signature().state().name(), null, e.signature().reason()),
              leaf,
              leaf == null ? null : "/api/v1/log/events/" + e.eventId() + "/proof",
              null,
              e.payload()));
    }
    return pages.page(out, offset, limit, response);
  }

  @GetMapping("/api/v1/statistics/{year}")
  StationStatistics.Year year(@PathVariable int year) {
    QueryParameters.year(year);
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
