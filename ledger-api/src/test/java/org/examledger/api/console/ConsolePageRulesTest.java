package org.examledger.api.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.examledger.flags.Flag;
import org.examledger.flags.FlagStatus;
import org.examledger.flags.FlagSubject;
import org.examledger.flags.ReviewedFlag;
import org.examledger.flags.Severity;
import org.examledger.projections.complaints.ComplaintViews.CaseSummary;
import org.examledger.projections.complaints.ComplaintViews.Sanction;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The console's own small rules: next complaint steps, open flags, the "as of" field. */
class ConsolePageRulesTest {

  private static final Instant T = Instant.parse("2026-10-26T02:00:01Z");

  private static CaseSummary complaint(String status, Sanction sanction) {
    return new CaseSummary(
        "CPL-1",
        "examiner-11",
        "EXAMINER",
        "S-1",
        null,
        "DIRECT_TO_CENTRE",
        "summary",
        "supervisor-01",
        T,
        3,
        status,
        null,
        null,
        null,
        null,
        null,
        0,
        sanction);
  }

  private static List<String> types(CaseSummary c) {
    return PeoplePages.nextSteps(c).stream().map(PeoplePages.NextStep::statementType).toList();
  }

  @Test
  void anOpenCaseCanBeInvestigatedReferredOrDecided() {
    assertThat(types(complaint("RECEIVED", null)))
        .containsExactly(
            "complaint.investigator.assign/v1",
            "complaint.evidence.link/v1",
            "complaint.refer/v1",
            "complaint.decide/v1");
  }

  @Test
  void aDecidedCaseCanOnlyBeReopened() {
    assertThat(types(complaint("DISMISSED", null))).containsExactly("complaint.reopen/v1");
  }

  @Test
  void theUpperLevelApprovesAReinstatementOnlyAfterTheStation() {
    Sanction stationApproved =
        new Sanction("AWAITING_REINSTATEMENT", T, T, "ab", "admin-01", null, null);
    Sanction notYet = new Sanction("AWAITING_REINSTATEMENT", T, T, "ab", null, null, null);
    assertThat(types(complaint("VERIFIED", stationApproved)))
        .contains("complaint.reinstatement.approve/v1");
    assertThat(types(complaint("VERIFIED", notYet)))
        .doesNotContain("complaint.reinstatement.approve/v1");
  }

  private static ReviewedFlag flag(
      String rule, Severity severity, FlagStatus status, ReviewedFlag.Review resolved) {
    Flag f =
        new Flag(
            rule, severity, status, new FlagSubject("S-1", "C-1", null, null), List.of("e-1"), "x");
    return new ReviewedFlag(rule + ":e-1", f, null, resolved);
  }

  @Test
  void openFlagsLeaveOutCuredAndResolvedOnes() {
    ReviewedFlag.Review resolved =
        new ReviewedFlag.Review("supervisor-01", T, "EXPLAINED", "fine", "e-9");
    List<DashboardController.RuleCount> counts =
        DashboardController.openFlagsByRule(
            List.of(
                flag("unsigned-change", Severity.WARNING, FlagStatus.RAISED, null),
                flag("unsigned-change", Severity.WARNING, FlagStatus.PENDING, null),
                flag("unsigned-change", Severity.WARNING, FlagStatus.CURED, null),
                flag("identity-gap", Severity.CRITICAL, FlagStatus.RAISED, resolved)));
    assertThat(counts).hasSize(1);
    assertThat(counts.get(0).rule()).isEqualTo("unsigned-change");
    assertThat(counts.get(0).total()).isEqualTo(2);
  }

  @Test
  void asOf_stationTimeOrRfc3339_sameInstant() {
    assertThat(SessionPages.moment("2026-10-17T09:00"))
        .isEqualTo(Instant.parse("2026-10-17T01:00:00Z"));
    assertThat(SessionPages.moment("2026-10-17T09:00:30"))
        .isEqualTo(Instant.parse("2026-10-17T01:00:30Z"));
    assertThat(SessionPages.moment("2026-10-17T01:00:00Z"))
        .isEqualTo(Instant.parse("2026-10-17T01:00:00Z"));
  }

  @Test
  void asOf_notADate_badRequestNamingTheValue() {
    assertThatThrownBy(() -> SessionPages.moment("yesterday"))
        .isInstanceOfSatisfying(
            ConsoleProblem.class,
            p -> {
              assertThat(p.status).isEqualTo(HttpStatus.BAD_REQUEST);
              assertThat(p.subject).isEqualTo("yesterday");
            });
  }
}
