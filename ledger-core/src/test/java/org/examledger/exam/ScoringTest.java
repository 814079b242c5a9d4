package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.math.BigDecimal;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScoringTest {

  private FixtureConfiguration<ExamSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixture(Set.of("examiner-09"));
  }

  @Test
  void assignedExaminerRecordsScoreWithinMaximum() {
    fixture
        .given(inProgress())
        .when(score("theory", "31.5", by("examiner-07")))
        .expectEvents(recorded("theory", "31.5", by("examiner-07")));
  }

  @Test
  void unassignedExaminerCannotScore() {
    fixture
        .given(inProgress())
        .when(score("theory", "31.5", by("examiner-44")))
        .expectNoEvents()
        .expectExceptionMessage(
            "'examiner-44' is not assigned to session 'S-2026-001' as any of [EXAMINER,"
                + " CHIEF_EXAMINER]");
  }

  @Test
  void proctorCannotScore() {
    fixture
        .given(inProgress())
        .when(score("theory", "31.5", by("proctor-03")))
        .expectNoEvents()
        .expectExceptionMessage(
            "'proctor-03' is not assigned to session 'S-2026-001' as any of [EXAMINER,"
                + " CHIEF_EXAMINER]");
  }

  @Test
  void examinerSuspendedSinceAssignmentCannotScore() {
    fixture
        .given(inProgress())
        .when(score("theory", "20", by("examiner-09")))
        .expectNoEvents()
        .expectExceptionMessage("examiner 'examiner-09' is suspended and cannot mark");
  }

  @Test
  void cannotScoreBeforeTheExamStarts() {
    fixture
        .given(scheduled(), assigned("examiner-07", StaffRole.EXAMINER), registered("C-1"))
        .when(score("theory", "20", by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' is SCHEDULED; cannot mark (needs [STARTED, ENDED])");
  }

  @Test
  void cannotRecordScoreAboveComponentMaximum() {
    fixture
        .given(inProgress())
        .when(score("theory", "41", by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("score 41 is above the maximum 40 of component 'theory'");
  }

  @Test
  void cannotRecordNegativeScore() {
    fixture
        .given(inProgress())
        .when(score("theory", "-1", by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("score must not be negative; was -1");
  }

  @Test
  void cannotRecordScoreWithMoreThanTwoDecimals() {
    fixture
        .given(inProgress())
        .when(score("theory", "10.125", by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("score may have at most 2 decimal places; was 10.125");
  }

  @Test
  void cannotRecordScoreForUnregisteredCandidate() {
    fixture
        .given(inProgress())
        .when(new RecordScoreCommand(SESSION, "C-404", "theory", BigDecimal.TEN, by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("candidate 'C-404' is not registered for session 'S-2026-001'");
  }

  @Test
  void cannotRecordScoreForUnknownComponent() {
    fixture
        .given(inProgress())
        .when(score("oral", "10", by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' has no score component 'oral'; it has [practical, theory]");
  }

  @Test
  void cannotRecordSecondScoreForSingleMarkedComponent() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(score("theory", "31", by("examiner-08")))
        .expectNoEvents()
        .expectExceptionMessage(
            "a score for component 'theory' of candidate 'C-1' is already recorded; a change must"
                + " be a correction with a reason");
  }

  @Test
  void examinerCorrectsScoreWithReasonCode() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "theory",
                new BigDecimal("33"),
                CorrectionReason.ADDITION_ERROR,
                "page 3 not added",
                signedBy("examiner-07")))
        .expectEvents(
            new ScoreCorrectedEvent(
                SESSION,
                "C-1",
                "theory",
                1,
                new BigDecimal("30"),
                new BigDecimal("33"),
                CorrectionReason.ADDITION_ERROR,
                "page 3 not added",
                signedBy("examiner-07")));
  }

  @Test
  void correctionWithReasonOtherNeedsText() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "theory",
                new BigDecimal("33"),
                CorrectionReason.OTHER,
                " ",
                by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("a correction with reason OTHER must explain itself in reasonText");
  }

  @Test
  void correctionWithoutReasonIsRefused() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(
            new CorrectScoreCommand(
                SESSION, "C-1", "theory", new BigDecimal("33"), null, null, by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("reason is required");
  }

  @Test
  void correctionMustChangeTheScore() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "theory",
                new BigDecimal("30.0"),
                CorrectionReason.MARKING_ERROR,
                null,
                by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("the score is already 30; a correction must change it");
  }

  @Test
  void cannotCorrectWhatWasNeverRecorded() {
    fixture
        .given(inProgress())
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "theory",
                new BigDecimal("30"),
                CorrectionReason.MARKING_ERROR,
                null,
                by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("component 'theory' has no score to correct");
  }

  // A countersignature names the unsigned entry by its event id, which only the event store
  // assigns: the accepted case and the mismatch rules are exercised over HTTP in
  // PostgresAdmissionIT. Here: the refusals that need no id.

  @Test
  void countersignatureMustBeSigned() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(
            new CountersignScoreCommand(
                SESSION, "some-event", "C-1", "theory", new BigDecimal("30"), by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("a countersignature must itself be signed");
  }

  @Test
  void countersignatureOfUnknownEntryIsRefused() {
    fixture
        .given(plus(inProgress(), recorded("theory", "30", by("examiner-07"))))
        .when(
            new CountersignScoreCommand(
                SESSION,
                "no-such-event",
                "C-1",
                "theory",
                new BigDecimal("30"),
                signedBy("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' has no unsigned, not yet countersigned current entry with event"
                + " id 'no-such-event' for candidate 'C-1', component 'theory'");
  }
}
