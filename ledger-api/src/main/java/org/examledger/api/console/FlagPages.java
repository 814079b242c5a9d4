package org.examledger.api.console;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.FlagStatus;
import org.examledger.flags.ReviewedFlag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The flags, filtered by rule, session, status and examiner (the person a flag names), each linked
 * to its triggering events on the session's timeline. Read from {@link LedgerFlags}, as {@code GET
 * /api/v1/flags} is.
 */
@Controller
class FlagPages {

  private final LedgerFlags flags;
  private final Clock clock;

  FlagPages(LedgerFlags flags, Clock clock) {
    this.flags = flags;
    this.clock = clock;
  }

  @GetMapping("/console/flags")
  String flags(
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String examiner,
      Model model) {
    String wantedRule = blankToNull(rule);
    String wantedSession = blankToNull(session);
    String wantedExaminer = blankToNull(examiner);
    if (wantedRule != null && !FlagEngine.ruleIds().contains(wantedRule)) {
      throw ConsoleProblem.badRequest("console.badRequest.rule", wantedRule);
    }
    FlagStatus wantedStatus = null;
    if (blankToNull(status) != null) {
      try {
        wantedStatus = FlagStatus.valueOf(status);
      } catch (IllegalArgumentException e) {
        throw ConsoleProblem.badRequest("console.badRequest.status", status);
      }
    }
    FlagStatus st = wantedStatus;
    List<ReviewedFlag> all = flags.flags(clock.instant());
    List<ReviewedFlag> selected =
        all.stream()
            .filter(f -> wantedRule == null || wantedRule.equals(f.flag().ruleId()))
            .filter(
                f -> wantedSession == null || wantedSession.equals(f.flag().subject().sessionId()))
            .filter(f -> st == null || st == f.flag().status())
            .filter(
                f -> wantedExaminer == null || wantedExaminer.equals(f.flag().subject().personId()))
            .toList();
    Set<String> people = new TreeSet<>();
    all.forEach(
        f -> {
          if (f.flag().subject().personId() != null) {
            people.add(f.flag().subject().personId());
          }
        });
    model.addAttribute("flags", selected);
    model.addAttribute("total", all.size());
    model.addAttribute("rules", FlagEngine.ruleIds());
    model.addAttribute("statuses", FlagStatus.values());
    model.addAttribute("people", people);
    model.addAttribute("rule", wantedRule);
    model.addAttribute("sessionFilter", wantedSession);
    model.addAttribute("status", st);
    model.addAttribute("examiner", wantedExaminer);
    return "console/flags";
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.trim();
  }
}
