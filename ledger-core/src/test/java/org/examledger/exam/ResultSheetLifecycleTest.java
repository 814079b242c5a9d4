package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultSheetLifecycleTest {

  private FixtureConfiguration<ExamSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixture();
  }

  /** Theory 31.5; practical double-marked 50 and 47 (agree): final 48.5; total 80. */
  private static Object[] marked() {
    return plus(
        inProgress(),
        recorded("theory", "31.5", by("examiner-07")),
        recorded("practical", "50", by("examiner-07")),
        new IndependentMarkRecordedEvent(
            SESSION, "C-1", "practical", 2, new BigDecimal("47"), by("examiner-08")),
        ended());
  }

  private static ResultSheetSubmittedEvent submitted(String claimed) {
    return new ResultSheetSubmittedEvent(
        SESSION,
        "C-1",
        new BigDecimal("80"),
        claimed == null ? null : new BigDecimal(claimed),
        true,
        by("admin-01"));
  }

  @Test
  void submittedSheetCarriesTheComputedTotalAndTheTypedClaim() {
    fixture
        .given(marked())
        .when(new SubmitResultSheetCommand(SESSION, "C-1", new BigDecimal("81"), by("admin-01")))
        .expectEvents(submitted("81"));
  }

  @Test
  void cannotSubmitBeforeTheSessionEnds() {
    fixture
        .given(inProgress())
        .when(new SubmitResultSheetCommand(SESSION, "C-1", null, by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' is STARTED; cannot submit result sheets (needs [ENDED])");
  }

  @Test
  void cannotSubmitIncompleteSheet() {
    fixture
        .given(plus(inProgress(), recorded("theory", "31.5", by("examiner-07")), ended()))
        .when(new SubmitResultSheetCommand(SESSION, "C-1", null, by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage(
            "the sheet of candidate 'C-1' has no final score yet for [practical]");
  }

  @Test
  void canLockSubmittedSheet() {
    fixture
        .given(plus(marked(), submitted(null)))
        .when(new LockResultSheetCommand(SESSION, "C-1", by("reviewer-02")))
        .expectEvents(new ResultSheetLockedEvent(SESSION, "C-1", by("reviewer-02")));
  }

  @Test
  void rejectsScoreChangeAfterLock() {
    fixture
        .given(plus(marked(), submitted(null), new ResultSheetLockedEvent(SESSION, "C-1", by("r"))))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "theory",
                new BigDecimal("35"),
                CorrectionReason.MARKING_ERROR,
                null,
                by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage(
            "the sheet of candidate 'C-1' is LOCKED; it must be reopened, with a reason and"
                + " authority, before any change");
  }

  @Test
  void reopenNeedsReasonAndAuthority() {
    fixture
        .given(plus(marked(), submitted(null)))
        .when(new ReopenResultSheetCommand(SESSION, "C-1", "appeal upheld", " ", by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage("authority is required");
  }

  @Test
  void reopenedSheetAcceptsCorrections() {
    ResultSheetReopenedEvent reopened =
        new ResultSheetReopenedEvent(
            SESSION, "C-1", "appeal upheld", "guidance centre letter 2026-17", by("admin-01"));
    fixture
        .given(plus(marked(), submitted(null)))
        .when(
            new ReopenResultSheetCommand(
                SESSION, "C-1", "appeal upheld", "guidance centre letter 2026-17", by("admin-01")))
        .expectEvents(reopened);
    fixture
        .given(plus(marked(), submitted(null), reopened))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "theory",
                new BigDecimal("35"),
                CorrectionReason.REMARK_AFTER_REVIEW,
                null,
                by("examiner-07")))
        .expectSuccessfulHandlerExecution();
  }

  @Test
  void canPublishLockedSheetWithFinalTotal() {
    fixture
        .given(plus(marked(), submitted(null), new ResultSheetLockedEvent(SESSION, "C-1", by("r"))))
        .when(new PublishResultSheetCommand(SESSION, "C-1", by("admin-01")))
        .expectEvents(
            new ResultSheetPublishedEvent(
                SESSION, "C-1", new BigDecimal("80"), true, by("admin-01")));
  }

  @Test
  void cannotPublishUnlockedSheet() {
    fixture
        .given(plus(marked(), submitted(null)))
        .when(new PublishResultSheetCommand(SESSION, "C-1", by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage(
            "the sheet of candidate 'C-1' is SUBMITTED; cannot publish it (needs [LOCKED])");
  }
}
