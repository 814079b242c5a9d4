package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.math.BigDecimal;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The practical component is double-marked with tolerance 5. */
class DoubleMarkingTest {

  private FixtureConfiguration<ExamSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixture();
  }

  private static IndependentMarkRecordedEvent mark(int n, String score, String examiner) {
    return new IndependentMarkRecordedEvent(
        SESSION, "C-1", "practical", n, new BigDecimal(score), by(examiner));
  }

  @Test
  void secondExaminerGivesAnIndependentMark() {
    fixture
        .given(plus(inProgress(), recorded("practical", "50", by("examiner-07"))))
        .when(score("practical", "47", by("examiner-08")))
        .expectEvents(mark(2, "47", "examiner-08"));
  }

  @Test
  void sameExaminerCannotMarkTwice() {
    fixture
        .given(plus(inProgress(), recorded("practical", "50", by("examiner-07"))))
        .when(score("practical", "47", by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage(
            "examiner 'examiner-07' already marked component 'practical'; independent marks come"
                + " from different examiners, a change is a correction");
  }

  @Test
  void noThirdMarkWhenTheTwoAgreeWithinTolerance() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "45", "examiner-08")))
        .when(score("practical", "48", by("examiner-09")))
        .expectNoEvents()
        .expectExceptionMessage(
            "the two marks of component 'practical' are within tolerance; no third mark is needed");
  }

  @Test
  void divergingMarksTakeAThirdMark() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "38", "examiner-08")))
        .when(score("practical", "48", by("examiner-09")))
        .expectEvents(mark(3, "48", "examiner-09"));
  }

  @Test
  void chiefExaminerAdjudicatesDivergingMarks() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "38", "examiner-08")))
        .when(
            new AdjudicateScoreCommand(
                SESSION, "C-1", "practical", new BigDecimal("44"), "re-measured", by("chief-01")))
        .expectEvents(
            new ScoreAdjudicatedEvent(
                SESSION, "C-1", "practical", new BigDecimal("44"), "re-measured", by("chief-01")));
  }

  @Test
  void examinerCannotAdjudicate() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "38", "examiner-08")))
        .when(
            new AdjudicateScoreCommand(
                SESSION, "C-1", "practical", new BigDecimal("44"), "mine", by("examiner-09")))
        .expectNoEvents()
        .expectExceptionMessage(
            "'examiner-09' is not assigned to session 'S-2026-001' as CHIEF_EXAMINER");
  }

  @Test
  void nothingToAdjudicateWhenMarksAgree() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "47", "examiner-08")))
        .when(
            new AdjudicateScoreCommand(
                SESSION, "C-1", "practical", new BigDecimal("44"), "why not", by("chief-01")))
        .expectNoEvents()
        .expectExceptionMessage(
            "component 'practical' has no diverging double marks to adjudicate");
  }

  @Test
  void examinerCorrectsOnlyTheirOwnMark() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "38", "examiner-08")))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "practical",
                new BigDecimal("46"),
                CorrectionReason.REMARK_AFTER_REVIEW,
                null,
                by("examiner-08")))
        .expectEvents(
            new ScoreCorrectedEvent(
                SESSION,
                "C-1",
                "practical",
                2,
                new BigDecimal("38"),
                new BigDecimal("46"),
                CorrectionReason.REMARK_AFTER_REVIEW,
                null,
                by("examiner-08")));
  }

  @Test
  void examinerWithoutAMarkCannotCorrectADoubleMarkedComponent() {
    fixture
        .given(
            plus(
                inProgress(),
                recorded("practical", "50", by("examiner-07")),
                mark(2, "38", "examiner-08")))
        .when(
            new CorrectScoreCommand(
                SESSION,
                "C-1",
                "practical",
                new BigDecimal("46"),
                CorrectionReason.MARKING_ERROR,
                null,
                by("examiner-09")))
        .expectNoEvents()
        .expectExceptionMessage(
            "examiner 'examiner-09' gave no mark for double-marked component 'practical'; only an"
                + " examiner's own mark can be corrected");
  }
}
