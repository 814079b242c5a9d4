package org.examledger.api.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.api.seal.LogReader;
import org.examledger.api.seal.StoredCheckpoint;
import org.examledger.api.security.LedgerCaller;
import org.examledger.flags.FlagStatus;
import org.examledger.flags.ReviewedFlag;
import org.examledger.flags.Severity;
import org.examledger.merkle.ProofVerifier;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in page, the dashboard, the ledger page and the refusal page. */
@Controller
class DashboardController {

  /** How many checkpoints the ledger page lists (the newest). */
  static final int LEDGER_PAGE_CHECKPOINTS = 50;

  private final LedgerFlags flags;
  private final LogReader log;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final ConsoleReads reads;
  private final ConsoleVerification verification;

  DashboardController(
      LedgerFlags flags,
      LogReader log,
      JdbcClient jdbc,
      Clock clock,
      ConsoleReads reads,
      ConsoleVerification verification) {
    this.flags = flags;
    this.log = log;
    this.jdbc = jdbc;
    this.clock = clock;
    this.reads = reads;
    this.verification = verification;
  }

  /** A witness's cosignature of a checkpoint, as stored. */
  record Cosigned(String witness, Instant receivedAt) {}

  /** A checkpoint with its cosignatures. */
  /**
   * A checkpoint with its cosignatures.
   *
   * @param consistency null for the first (or the dashboard's), empty when it extends the previous
   *     checkpoint, else the failed check's message
   */
  record CheckpointRow(
      StoredCheckpoint checkpoint, String consistency, List<Cosigned> cosignatures) {}

  /** Open flags of one rule: how many at each severity. */
  record RuleCount(String rule, Map<Severity, Long> bySeverity, long total) {}

  @GetMapping("/login")
  String login() {
    return "console/login";
  }

  @RequestMapping("/console/denied")
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String denied() {
    return "console/denied";
  }

  @GetMapping("/console")
  String dashboard(@AuthenticationPrincipal LedgerCaller caller, Model model) {
    Instant now = clock.instant();
    List<ConsoleReads.SessionRow> sessions = reads.sessionsFor(caller);
    LocalDate today = LocalDate.ofInstant(now, ConsoleFormat.STATION_ZONE);
    model.addAttribute("sessionCount", sessions.size());
    model.addAttribute(
        "sessionsToday",
        sessions.stream()
            .filter(
                s -> LocalDate.ofInstant(s.startsAt(), ConsoleFormat.STATION_ZONE).equals(today))
            .toList());
    model.addAttribute("recentSessions", sessions.stream().limit(8).toList());
    if (ConsoleReads.readsAll(caller)) {
      model.addAttribute("openFlags", openFlagsByRule(flags.flags(now)));
    }
    model.addAttribute("logSize", log.treeSize());
    Optional<StoredCheckpoint> latest = log.latestCheckpoint();
    model.addAttribute("latest", latest.map(this::withCosignatures).orElse(null));
    model.addAttribute("verification", verification.last());
    return "console/dashboard";
  }

  /**
   * @param session prefills the evidence-bundle form (the session page links here with it)
   */
  @GetMapping("/console/ledger")
  String ledger(@RequestParam(required = false) String session, Model model) {
    List<StoredCheckpoint> all = log.checkpoints();
    List<CheckpointRow> rows = new ArrayList<>();
    // newest first, each with whether it provably extends the one before it (RFC 9162 2.1.4)
    for (int i = all.size() - 1; i >= Math.max(0, all.size() - LEDGER_PAGE_CHECKPOINTS); i--) {
      StoredCheckpoint c = all.get(i);
      rows.add(withCosignatures(c, i == 0 ? null : consistency(all.get(i - 1), c)));
    }
    model.addAttribute("checkpoints", rows);
    model.addAttribute("checkpointCount", all.size());
    model.addAttribute("verification", verification.last());
    model.addAttribute("logSize", log.treeSize());
    model.addAttribute("bundleSession", session);
    return "console/ledger";
  }

  /** Empty when the later checkpoint extends the earlier; else what the proof check found. */
  private String consistency(StoredCheckpoint earlier, StoredCheckpoint later) {
    if (earlier.treeSize() == 0) {
      return "";
    }
    try {
      ProofVerifier.verifyConsistency(
          log.consistencyProof(earlier.treeSize(), later.treeSize()),
          earlier.rootHash(),
          later.rootHash());
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  /** Runs the whole-ledger verification, then shows the ledger page with its result. */
  @PostMapping("/console/ledger/verify")
  String verify(@AuthenticationPrincipal LedgerCaller caller) {
    verification.run(caller.name());
    return "redirect:/console/ledger#verification";
  }

  private CheckpointRow withCosignatures(StoredCheckpoint checkpoint) {
    return withCosignatures(checkpoint, null);
  }

  private CheckpointRow withCosignatures(StoredCheckpoint checkpoint, String consistency) {
    return new CheckpointRow(
        checkpoint,
        consistency,
        jdbc.sql(
                "SELECT witness_name, received_at FROM ledger_cosignature WHERE tree_size = ?"
                    + " ORDER BY witness_name")
            .param(checkpoint.treeSize())
            .query(
                (rs, n) ->
                    new Cosigned(
                        rs.getString(1),
                        rs.getObject(2, java.time.OffsetDateTime.class).toInstant()))
            .list());
  }

  /** Flags neither cured nor resolved, counted by rule and severity. */
  static List<RuleCount> openFlagsByRule(List<ReviewedFlag> all) {
    Map<String, Map<Severity, Long>> counts = new TreeMap<>();
    for (ReviewedFlag f : all) {
      if (f.flag().status() == FlagStatus.CURED || f.resolved() != null) {
        continue;
      }
      counts
          .computeIfAbsent(f.flag().ruleId(), r -> new TreeMap<>())
          .merge(f.flag().severity(), 1L, Long::sum);
    }
    List<RuleCount> out = new ArrayList<>();
    counts.forEach(
        (rule, bySeverity) ->
            out.add(
                new RuleCount(
                    rule,
                    bySeverity,
                    bySeverity.values().stream().mapToLong(Long::longValue).sum())));
    return out;
  }
}
