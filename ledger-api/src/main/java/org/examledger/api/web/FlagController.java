package org.examledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.FlagStatus;
import org.examledger.flags.ReviewedFlag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The flags of the ledger (docs/flags.md): every rule of the brief's section 5 but statistical
 * bunching, computed from the events as stored, each naming its rule, severity, status, subject,
 * triggering events and an explanation.
 */
@RestController
class FlagController {

  private final LedgerFlags flags;
  private final Clock clock;

  private final Pages pages;

  FlagController(LedgerFlags flags, Clock clock, Pages pages) {
    this.pages = pages;
    this.flags = flags;
    this.clock = clock;
  }

  /**
   * @param events how many events the flags were computed from
   * @param byRule how many flags each rule raised (PENDING, RAISED or CURED)
   */
  record Answer(Instant asOf, int events, Map<String, Long> byRule, List<ReviewedFlag> flags) {}

  @GetMapping("/api/v1/flags")
  Answer flags(
      @RequestParam(required = false) String session,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String status,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      HttpServletResponse response) {
    if (rule != null && !FlagEngine.ruleIds().contains(rule)) {
      throw new BadQueryProblem(
          "unknown-rule", "rule", "no rule '" + rule + "'; rules: " + FlagEngine.ruleIds());
    }
    FlagStatus wanted = status == null ? null : status(status);
    Instant moment = asOf == null ? clock.instant() : QueryParameters.asOf(asOf);
    List<ReviewedFlag> all = flags.flags(moment);
    List<ReviewedFlag> selected =
        all.stream()
            .filter(f -> session == null || session.equals(f.flag().subject().sessionId()))
            .filter(f -> rule == null || rule.equals(f.flag().ruleId()))
            .filter(f -> wanted == null || wanted == f.flag().status())
            .toList();
    Map<String, Long> byRule = new TreeMap<>();
    FlagEngine.ruleIds().forEach(r -> byRule.put(r, 0L));
    selected.forEach(f -> byRule.merge(f.flag().ruleId(), 1L, Long::sum));
    return new Answer(
        moment, flags.events(), byRule, pages.page(selected, offset, limit, response));
  }

  private static FlagStatus status(String text) {
    try {
      return FlagStatus.valueOf(text);
    } catch (IllegalArgumentException e) {
      throw new BadQueryProblem(
          "unknown-flag-status",
          "status",
          "status must be one of " + Arrays.toString(FlagStatus.values()) + "; was '" + text + "'");
    }
  }
}
