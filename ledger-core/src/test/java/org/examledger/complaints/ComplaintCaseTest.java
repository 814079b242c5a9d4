package org.examledger.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.matchers.Matchers;
import org.examledger.exam.Provenance;
import org.examledger.keys.ActorRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The complaint workflow, given/when/expect, with the fixture's deadline manager for the suspension
 * period (its clock is the fixture's, moved by {@code whenTimeElapses}).
 */
class ComplaintCaseTest {

  static final String CASE = "CPL-2026-0007";
  static final Instant T0 = Instant.parse("2026-06-20T02:00:00Z");
  static final Instant DECIDED = T0.plus(Duration.ofDays(10));

  /** Six calendar months after the decision, in UTC. */
  static final Instant UNTIL = Instant.parse("2026-12-30T02:00:00Z");

  /** Who holds which key role. */
  static final Map<String, Set<ActorRole>> KEYS =
      Map.of(
          "clerk-02", Set.of(ActorRole.CLERK),
          "admin-01", Set.of(ActorRole.STATION_ADMIN),
          "examiner-07", Set.of(ActorRole.EXAMINER),
          "proctor-03", Set.of(ActorRole.PROCTOR),
          "supervisor-01", Set.of(ActorRole.SUPERVISOR),
          "supervisor-02", Set.of(ActorRole.SUPERVISOR));

  private FixtureConfiguration<ComplaintCase> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ComplaintCase.class);
    fixture.registerInjectableResource(
        (ActorDirectory) (person, role, at) -> KEYS.getOrDefault(person, Set.of()).contains(role));
    fixture.registerInjectableResource(SanctionPolicy.DEFAULT);
  }

  static Provenance signed(String actor, Instant at) {
    return new Provenance(actor, actor, at, "{\"payloadType\":\"test\"}");
  }

  static Provenance signed(String actor) {
    return signed(actor, T0);
  }

  static ComplaintFiledEvent filed() {
    return new ComplaintFiledEvent(
        CASE,
        "examiner-07",
        RespondentRole.EXAMINER,
        "S-2026-001",
        "C-2026-0001",
        ComplaintChannel.THROUGH_STATION,
        "score lowered after an argument",
        signed("clerk-02"));
  }

  static InvestigatorAssignedEvent investigating() {
    return new InvestigatorAssignedEvent(CASE, "supervisor-01", signed("supervisor-01"));
  }

  static ComplaintDecidedEvent verified() {
    return new ComplaintDecidedEvent(
        CASE, ComplaintOutcome.VERIFIED, "unsupported change", signed("supervisor-01", DECIDED));
  }

  static RespondentSuspendedEvent suspended() {
    return new RespondentSuspendedEvent(
        CASE,
        "examiner-07",
        DECIDED,
        UNTIL,
        ActorRole.STATION_ADMIN,
        ActorRole.SUPERVISOR,
        signed("supervisor-01", DECIDED));
  }

  static SuspensionPeriodEndedEvent periodEnded() {
    return new SuspensionPeriodEndedEvent(
        CASE, "examiner-07", UNTIL, new Provenance("ledger", "ledger", UNTIL, null));
  }

  static SelfCriticismSubmittedEvent selfCriticism() {
    return new SelfCriticismSubmittedEvent(
        CASE, "examiner-07", "7f".repeat(32), "I changed a score", signed("examiner-07", UNTIL));
  }

  static Instant after() {
    return UNTIL.plus(Duration.ofDays(1));
  }

  static ReinstatementApprovedEvent stationApproved() {
    return new ReinstatementApprovedEvent(
        CASE, "examiner-07", ApprovalLevel.STATION, "retrained", signed("admin-01", after()));
  }

  @Nested
  class Filing {

    @Test
    void clerkRecordsComplaintReceivedThroughTheStation() {
      FileComplaintCommand command =
          new FileComplaintCommand(
              CASE,
              "examiner-07",
              RespondentRole.EXAMINER,
              "S-2026-001",
              "C-2026-0001",
              ComplaintChannel.THROUGH_STATION,
              "score lowered after an argument",
              signed("clerk-02"));
      fixture.givenNoPriorActivity().when(command).expectEvents(filed());
    }

    @Test
    void supervisorRecordsComplaintMadeDirectlyToTheCentre() {
      Provenance p = signed("supervisor-02");
      fixture
          .givenNoPriorActivity()
          .when(
              new FileComplaintCommand(
                  CASE,
                  "proctor-03",
                  RespondentRole.PROCTOR,
                  null,
                  null,
                  ComplaintChannel.DIRECT_TO_CENTRE,
                  "proctor let a substitute sit",
                  p))
          .expectEvents(
              new ComplaintFiledEvent(
                  CASE,
                  "proctor-03",
                  RespondentRole.PROCTOR,
                  null,
                  null,
                  ComplaintChannel.DIRECT_TO_CENTRE,
                  "proctor let a substitute sit",
                  p));
    }

    @Test
    void refusesExaminerRecordingComplaintThroughTheStation() {
      fixture
          .givenNoPriorActivity()
          .when(
              new FileComplaintCommand(
                  CASE,
                  "proctor-03",
                  RespondentRole.PROCTOR,
                  null,
                  null,
                  ComplaintChannel.THROUGH_STATION,
                  "x",
                  signed("examiner-07")))
          .expectNoEvents()
          .expectExceptionMessage(
              "a complaint received through the station is recorded by station staff"
                  + " (STATION_ADMIN or CLERK); 'examiner-07' holds no such key");
    }

    @Test
    void refusesRespondentWithoutAKeyOfTheirRole() {
      fixture
          .givenNoPriorActivity()
          .when(
              new FileComplaintCommand(
                  CASE,
                  "proctor-03",
                  RespondentRole.EXAMINER,
                  null,
                  null,
                  ComplaintChannel.THROUGH_STATION,
                  "x",
                  signed("clerk-02")))
          .expectNoEvents()
          .expectExceptionMessage(
              "'proctor-03' holds no registered EXAMINER key; a complaint names the person by"
                  + " their actor id");
    }

    @Test
    void refusesComplaintWithoutSummary() {
      fixture
          .givenNoPriorActivity()
          .when(
              new FileComplaintCommand(
                  CASE,
                  "examiner-07",
                  RespondentRole.EXAMINER,
                  null,
                  null,
                  ComplaintChannel.THROUGH_STATION,
                  " ",
                  signed("clerk-02")))
          .expectNoEvents()
          .expectExceptionMessage("summary is required");
    }

    @Test
    void refusesUnsignedComplaint() {
      fixture
          .givenNoPriorActivity()
          .when(
              new FileComplaintCommand(
                  CASE,
                  "examiner-07",
                  RespondentRole.EXAMINER,
                  null,
                  null,
                  ComplaintChannel.THROUGH_STATION,
                  "x",
                  new Provenance("clerk-02", "clerk-02", T0, null)))
          .expectNoEvents()
          .expectExceptionMessage("complaint statements must be signed");
    }
  }

  @Nested
  class Investigation {

    @Test
    void supervisorAssignsAnInvestigator() {
      fixture
          .given(filed())
          .when(new AssignInvestigatorCommand(CASE, "supervisor-01", signed("supervisor-01")))
          .expectEvents(investigating());
    }

    @Test
    void refusesInvestigatorWhoIsNoSupervisor() {
      fixture
          .given(filed())
          .when(new AssignInvestigatorCommand(CASE, "admin-01", signed("supervisor-01")))
          .expectNoEvents()
          .expectExceptionMessage(
              "the investigator must hold a SUPERVISOR key; 'admin-01' holds none");
    }

    @Test
    void refusesStationStaffAssigningAnInvestigator() {
      fixture
          .given(filed())
          .when(new AssignInvestigatorCommand(CASE, "supervisor-01", signed("admin-01")))
          .expectNoEvents()
          .expectExceptionMessage(
              "only a supervisor may assign an investigator; 'admin-01' holds no SUPERVISOR key");
    }

    @Test
    void investigatorLinksALedgerEventAndADocument() {
      Provenance p = signed("supervisor-01");
      fixture
          .given(filed(), investigating())
          .when(
              new LinkEvidenceCommand(
                  CASE, EvidenceKind.DOCUMENT, "0a".repeat(32), "the paper script, scanned", p))
          .expectEvents(
              new EvidenceLinkedEvent(
                  CASE, EvidenceKind.DOCUMENT, "0a".repeat(32), "the paper script, scanned", p));
    }

    @Test
    void refusesDocumentEvidenceThatIsNotASha256() {
      fixture
          .given(filed(), investigating())
          .when(
              new LinkEvidenceCommand(
                  CASE, EvidenceKind.DOCUMENT, "scan.pdf", "scan", signed("supervisor-01")))
          .expectNoEvents()
          .expectExceptionMessage(
              "a document is referenced by the lowercase hex SHA-256 of its bytes (64"
                  + " characters)");
    }

    @Test
    void refusesEvidenceFromTheRespondent() {
      fixture
          .given(filed(), investigating())
          .when(
              new LinkEvidenceCommand(
                  CASE, EvidenceKind.LEDGER_EVENT, "e-1", "mine", signed("examiner-07")))
          .expectNoEvents()
          .expectExceptionMessage(
              "evidence is linked by the investigator ('supervisor-01') or by station staff;"
                  + " 'examiner-07' is neither");
    }

    @Test
    void investigatorRefersSeriousCaseOnce() {
      Provenance p = signed("supervisor-01");
      ComplaintReferredEvent referred =
          new ComplaintReferredEvent(CASE, "provincial guidance centre", "serious", p);
      fixture
          .given(filed(), investigating())
          .when(new ReferComplaintCommand(CASE, "provincial guidance centre", "serious", p))
          .expectEvents(referred);
      fixture
          .given(filed(), investigating(), referred)
          .when(new ReferComplaintCommand(CASE, "provincial guidance centre", "again", p))
          .expectNoEvents()
          .expectExceptionMessage(
              "complaint 'CPL-2026-0007' was already referred to the upper level");
    }
  }

  @Nested
  class Decision {

    @Test
    void verifiedComplaintSuspendsTheRespondentForSixMonthsAndSchedulesThePeriodEnd() {
      fixture
          .given(filed(), investigating())
          .andGivenCurrentTime(DECIDED)
          .when(
              new DecideComplaintCommand(
                  CASE,
                  ComplaintOutcome.VERIFIED,
                  "unsupported change",
                  signed("supervisor-01", DECIDED)))
          .expectEvents(verified(), suspended())
          .expectScheduledDeadlineWithName(
              Duration.between(DECIDED, UNTIL), ComplaintCase.PERIOD_END);
    }

    @Test
    void dismissedComplaintSuspendsNobody() {
      ComplaintDecidedEvent dismissed =
          new ComplaintDecidedEvent(
              CASE, ComplaintOutcome.DISMISSED, "no evidence", signed("supervisor-01", DECIDED));
      fixture
          .given(filed(), investigating())
          .when(
              new DecideComplaintCommand(
                  CASE,
                  ComplaintOutcome.DISMISSED,
                  "no evidence",
                  signed("supervisor-01", DECIDED)))
          .expectEvents(dismissed)
          .expectNoScheduledDeadlines();
    }

    @Test
    void onlyTheInvestigatingSupervisorDecides() {
      fixture
          .given(filed(), investigating())
          .when(
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.VERIFIED, "x", signed("supervisor-02", DECIDED)))
          .expectNoEvents()
          .expectExceptionMessage(
              "only the investigating supervisor 'supervisor-01' may decide; 'supervisor-02' is"
                  + " not");
    }

    @Test
    void stationStaffCannotDecide() {
      fixture
          .given(filed(), investigating())
          .when(
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.VERIFIED, "x", signed("admin-01", DECIDED)))
          .expectNoEvents()
          .expectExceptionMessage(
              "only a supervisor may decide; 'admin-01' holds no SUPERVISOR key");
    }

    @Test
    void cannotDecideBeforeAnInvestigatorIsAssigned() {
      fixture
          .given(filed())
          .when(
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.VERIFIED, "x", signed("supervisor-01", DECIDED)))
          .expectNoEvents()
          .expectExceptionMessage(
              "complaint 'CPL-2026-0007' has no investigator yet; assign one first");
    }

    @Test
    void decisionNeedsReasons() {
      fixture
          .given(filed(), investigating())
          .when(
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.VERIFIED, "", signed("supervisor-01", DECIDED)))
          .expectNoEvents()
          .expectExceptionMessage("reasons is required");
    }

    @Test
    void decidedComplaintCannotBeDecidedAgain() {
      fixture
          .given(filed(), investigating(), verified(), suspended())
          .when(
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.DISMISSED, "x", signed("supervisor-01", DECIDED)))
          .expectNoEvents()
          .expectExceptionMessage(
              "complaint 'CPL-2026-0007' was already decided VERIFIED; reopen it with a reason to"
                  + " decide again");
    }

    @Test
    void reopenedComplaintDismissedRescindsTheSuspension() {
      Instant later = DECIDED.plus(Duration.ofDays(3));
      ComplaintReopenedEvent reopened =
          new ComplaintReopenedEvent(CASE, "new evidence", signed("supervisor-02", later));
      fixture
          .given(filed(), investigating(), verified(), suspended())
          .when(new ReopenComplaintCommand(CASE, "new evidence", signed("supervisor-02", later)))
          .expectEvents(reopened);
      fixture
          .given(filed(), investigating(), verified(), suspended(), reopened)
          .when(
              new DecideComplaintCommand(
                  CASE,
                  ComplaintOutcome.DISMISSED,
                  "notes support the score",
                  signed("supervisor-01", later)))
          .expectEvents(
              new ComplaintDecidedEvent(
                  CASE,
                  ComplaintOutcome.DISMISSED,
                  "notes support the score",
                  signed("supervisor-01", later)),
              new SanctionRescindedEvent(
                  CASE, "examiner-07", later, signed("supervisor-01", later)));
    }

    @Test
    void reopeningNeedsAReason() {
      fixture
          .given(filed(), investigating(), verified(), suspended())
          .when(new ReopenComplaintCommand(CASE, null, signed("supervisor-02")))
          .expectNoEvents()
          .expectExceptionMessage("reason is required");
    }

    @Test
    void cannotReopenUndecidedComplaint() {
      fixture
          .given(filed(), investigating())
          .when(new ReopenComplaintCommand(CASE, "why", signed("supervisor-02")))
          .expectNoEvents()
          .expectExceptionMessage(
              "cannot reopen: complaint 'CPL-2026-0007' is UNDER_INVESTIGATION (allowed:"
                  + " [VERIFIED, DISMISSED])");
    }
  }

  @Nested
  class PeriodEnd {

    @Test
    void periodEndFiresAfterSixMonthsAndLeavesTheRespondentAwaitingReinstatement() {
      fixture
          .given(filed(), investigating())
          .andGivenCurrentTime(DECIDED)
          .andGivenCommands(
              new DecideComplaintCommand(
                  CASE,
                  ComplaintOutcome.VERIFIED,
                  "unsupported change",
                  signed("supervisor-01", DECIDED)))
          .whenTimeElapses(Duration.ofDays(200))
          .expectTriggeredDeadlinesWithName(ComplaintCase.PERIOD_END)
          .expectEvents(periodEnded());
    }

    @Test
    void periodEndDoesNotFireEarly() {
      fixture
          .given(filed(), investigating())
          .andGivenCurrentTime(DECIDED)
          .andGivenCommands(
              new DecideComplaintCommand(
                  CASE,
                  ComplaintOutcome.VERIFIED,
                  "unsupported change",
                  signed("supervisor-01", DECIDED)))
          .whenTimeAdvancesTo(UNTIL.minusSeconds(1))
          .expectNoEvents()
          .expectTriggeredDeadlines();
    }

    @Test
    void rescindedSuspensionsPeriodEndNeverFires() {
      Instant later = DECIDED.plus(Duration.ofDays(3));
      fixture
          .given(filed(), investigating())
          .andGivenCurrentTime(DECIDED)
          .andGivenCommands(
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.VERIFIED, "x", signed("supervisor-01", DECIDED)),
              new ReopenComplaintCommand(CASE, "new evidence", signed("supervisor-02", later)),
              new DecideComplaintCommand(
                  CASE, ComplaintOutcome.DISMISSED, "y", signed("supervisor-01", later)))
          .whenTimeElapses(Duration.ofDays(200))
          .expectNoEvents()
          .expectTriggeredDeadlines();
    }
  }

  @Nested
  class Reinstatement {

    @Test
    void suspendedPersonSubmitsSelfCriticism() {
      fixture
          .given(filed(), investigating(), verified(), suspended())
          .when(
              new SubmitSelfCriticismCommand(
                  CASE, "7f".repeat(32), "I changed a score", signed("examiner-07", UNTIL)))
          .expectEvents(selfCriticism());
    }

    @Test
    void onlyTheSuspendedPersonSubmitsTheSelfCriticism() {
      fixture
          .given(filed(), investigating(), verified(), suspended())
          .when(
              new SubmitSelfCriticismCommand(CASE, "7f".repeat(32), "x", signed("admin-01", UNTIL)))
          .expectNoEvents()
          .expectExceptionMessage(
              "a self-criticism is written and signed by the suspended person 'examiner-07', not"
                  + " by 'admin-01'");
    }

    @Test
    void refusesApprovalBeforeThePeriodEnds() {
      fixture
          .given(filed(), investigating(), verified(), suspended(), selfCriticism())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.STATION, "ok", signed("admin-01", UNTIL.minusSeconds(60))))
          .expectNoEvents()
          .expectExceptionMessage(
              "'examiner-07' is suspended until 2026-12-30T02:00:00Z; reinstatement cannot be"
                  + " approved before the period ends");
    }

    @Test
    void refusesApprovalWithoutSelfCriticism() {
      fixture
          .given(filed(), investigating(), verified(), suspended(), periodEnded())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.STATION, "ok", signed("admin-01", after())))
          .expectNoEvents()
          .expectExceptionMessage(
              "'examiner-07' has not submitted a written self-criticism; reinstatement needs one"
                  + " first");
    }

    @Test
    void refusesUpperLevelApprovalBeforeTheStations() {
      fixture
          .given(filed(), investigating(), verified(), suspended(), periodEnded(), selfCriticism())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.UPPER_LEVEL, "ok", signed("supervisor-01", after())))
          .expectNoEvents()
          .expectExceptionMessage(
              "the station approves reinstatement first, then the upper level; the station has"
                  + " not approved the reinstatement of 'examiner-07'");
    }

    @Test
    void refusesStationApprovalByASupervisor() {
      fixture
          .given(filed(), investigating(), verified(), suspended(), periodEnded(), selfCriticism())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.STATION, "ok", signed("supervisor-01", after())))
          .expectNoEvents()
          .expectExceptionMessage(
              "the STATION approval is given by a STATION_ADMIN; 'supervisor-01' holds no such"
                  + " key");
    }

    @Test
    void stationApprovesOnce() {
      fixture
          .given(filed(), investigating(), verified(), suspended(), periodEnded(), selfCriticism())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.STATION, "retrained", signed("admin-01", after())))
          .expectEvents(stationApproved());
      fixture
          .given(
              filed(),
              investigating(),
              verified(),
              suspended(),
              periodEnded(),
              selfCriticism(),
              stationApproved())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.STATION, "again", signed("admin-01", after())))
          .expectNoEvents()
          .expectExceptionMessage(
              "the station already approved the reinstatement of 'examiner-07'");
    }

    @Test
    void upperLevelApprovalAfterTheStationsReinstates() {
      Provenance p = signed("supervisor-02", after());
      fixture
          .given(
              filed(),
              investigating(),
              verified(),
              suspended(),
              periodEnded(),
              selfCriticism(),
              stationApproved())
          .when(new ApproveReinstatementCommand(CASE, ApprovalLevel.UPPER_LEVEL, "agreed", p))
          .expectEvents(
              new ReinstatementApprovedEvent(
                  CASE, "examiner-07", ApprovalLevel.UPPER_LEVEL, "agreed", p),
              new RespondentReinstatedEvent(CASE, "examiner-07", after(), p));
    }

    @Test
    void firstApprovalAfterALateDeadlineRecordsThePeriodEndFirst() {
      fixture
          .given(filed(), investigating(), verified(), suspended(), selfCriticism())
          .when(
              new ApproveReinstatementCommand(
                  CASE, ApprovalLevel.STATION, "retrained", signed("admin-01", after())))
          .expectEvents(periodEnded(), stationApproved());
    }

    @Test
    void nothingToApproveOnceReinstated() {
      Provenance p = signed("supervisor-02", after());
      fixture
          .given(
              filed(),
              investigating(),
              verified(),
              suspended(),
              periodEnded(),
              selfCriticism(),
              stationApproved(),
              new ReinstatementApprovedEvent(
                  CASE, "examiner-07", ApprovalLevel.UPPER_LEVEL, "agreed", p),
              new RespondentReinstatedEvent(CASE, "examiner-07", after(), p))
          .when(new ApproveReinstatementCommand(CASE, ApprovalLevel.UPPER_LEVEL, "again", p))
          .expectNoEvents()
          .expectException(
              Matchers.predicate(
                  e ->
                      e instanceof ComplaintRuleViolation v
                          && v.rule().equals("no-suspension")
                          && v.kind() == ComplaintRuleViolation.Kind.CONFLICT));
    }
  }

  @Test
  void policyCountsCalendarMonthsInUtc() {
    assertThat(SanctionPolicy.DEFAULT.suspensionEnd(DECIDED)).isEqualTo(UNTIL);
    assertThat(
            new SanctionPolicy("PT30S", ActorRole.STATION_ADMIN, ActorRole.SUPERVISOR)
                .suspensionEnd(DECIDED))
        .isEqualTo(DECIDED.plusSeconds(30));
  }
}
