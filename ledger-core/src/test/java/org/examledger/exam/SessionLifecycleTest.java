package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionLifecycleTest {

  private FixtureConfiguration<ExamSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixture();
  }

  @Test
  void canScheduleSessionWithRoomsAndComponents() {
    fixture
        .givenNoPriorActivity()
        .when(schedule(new BigDecimal("60"), List.of(THEORY, PRACTICAL)))
        .expectEvents(scheduled());
  }

  @Test
  void cannotScheduleSessionWithoutComponents() {
    fixture
        .givenNoPriorActivity()
        .when(schedule(new BigDecimal("60"), List.of()))
        .expectNoEvents()
        .expectException(ExamRuleViolation.class)
        .expectExceptionMessage("a session needs at least one score component");
  }

  @Test
  void cannotScheduleSessionWithPassMarkAboveAttainableTotal() {
    fixture
        .givenNoPriorActivity()
        .when(schedule(new BigDecimal("101"), List.of(THEORY, PRACTICAL)))
        .expectNoEvents()
        .expectExceptionMessage(
            "passMark must be greater than 0 and at most the sum of the components' maxima (100);"
                + " was 101");
  }

  @Test
  void cannotScheduleSessionWithTheSameComponentTwice() {
    fixture
        .givenNoPriorActivity()
        .when(schedule(new BigDecimal("10"), List.of(THEORY, THEORY)))
        .expectNoEvents()
        .expectExceptionMessage("component 'theory' is listed twice");
  }

  @Test
  void cannotScheduleToleranceAboveMaximum() {
    ScoreComponent wide =
        new ScoreComponent("practical", "Practical", new BigDecimal("60"), new BigDecimal("61"));
    fixture
        .givenNoPriorActivity()
        .when(schedule(new BigDecimal("10"), List.of(wide)))
        .expectNoEvents()
        .expectExceptionMessage(
            "doubleMarkingTolerance of component 'practical' must be between 0 and its maxScore"
                + " 60; was 61");
  }

  @Test
  void canOpenScheduledSession() {
    fixture
        .given(scheduled())
        .when(new OpenSessionCommand(SESSION, by("admin-01")))
        .expectEvents(opened());
  }

  @Test
  void cannotOpenSessionTwice() {
    fixture
        .given(scheduled(), opened())
        .when(new OpenSessionCommand(SESSION, by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage("session 'S-2026-001' is OPEN; cannot open (needs [SCHEDULED])");
  }

  @Test
  void canStartWhenNoticeWasReadInEveryRoom() {
    fixture
        .given(scheduled(), opened(), noticeRead("R101"), noticeRead("R102"))
        .when(new StartSessionCommand(SESSION, null, by("proctor-03")))
        .expectEvents(started());
  }

  @Test
  void cannotStartBeforeNoticeIsReadInEveryRoom() {
    fixture
        .given(scheduled(), opened(), noticeRead("R101"))
        .when(new StartSessionCommand(SESSION, null, by("proctor-03")))
        .expectNoEvents()
        .expectExceptionMessage(
            "the Candidate Notice has not been read in rooms [R102]; read it first or give"
                + " noticeWaivedReason to start anyway");
  }

  @Test
  void canStartWithoutNoticeWhenTheReasonIsRecorded() {
    fixture
        .given(scheduled(), opened(), noticeRead("R101"))
        .when(
            new StartSessionCommand(
                SESSION, "R102 proctor fell ill; notice read at 09:20", by("proctor-03")))
        .expectEvents(
            new SessionStartedEvent(
                SESSION, "R102 proctor fell ill; notice read at 09:20", by("proctor-03")));
  }

  @Test
  void canEndStartedSession() {
    fixture
        .given(scheduled(), opened(), noticeRead("R101"), noticeRead("R102"), started())
        .when(new EndSessionCommand(SESSION, by("proctor-03")))
        .expectEvents(ended());
  }

  @Test
  void cannotEndSessionThatNeverStarted() {
    fixture
        .given(scheduled(), opened())
        .when(new EndSessionCommand(SESSION, by("proctor-03")))
        .expectNoEvents()
        .expectExceptionMessage("session 'S-2026-001' is OPEN; cannot end (needs [STARTED])");
  }

  @Test
  void canCancelOpenSessionWithReason() {
    fixture
        .given(scheduled(), opened())
        .when(new CancelSessionCommand(SESSION, "lathes failed inspection", by("admin-01")))
        .expectEvents(
            new SessionCancelledEvent(SESSION, "lathes failed inspection", by("admin-01")));
  }

  @Test
  void cannotCancelStartedSession() {
    fixture
        .given(scheduled(), opened(), noticeRead("R101"), noticeRead("R102"), started())
        .when(new CancelSessionCommand(SESSION, "too late", by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' is STARTED; cannot cancel (needs [SCHEDULED, OPEN])");
  }
}
