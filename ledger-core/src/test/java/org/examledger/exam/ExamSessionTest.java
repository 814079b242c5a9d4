package org.examledger.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExamSessionTest {

  private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Provenance ADMIN = new Provenance("admin-01", "admin-01", T0, null);
  private static final Provenance EXAMINER = new Provenance("examiner-07", "clerk-02", T0, null);
  private static final List<ScoreComponent> COMPONENTS =
      List.of(
          new ScoreComponent("theory", "Theory paper", new BigDecimal("100")),
          new ScoreComponent("practical-1", "Turning a stepped shaft", new BigDecimal("60")));

  private FixtureConfiguration<ExamSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(ExamSession.class);
  }

  private static ScheduleSessionCommand schedule(BigDecimal passMark, List<ScoreComponent> parts) {
    return new ScheduleSessionCommand(
        "S-2026-001",
        "CNC lathe operator",
        4,
        ExamType.REGULAR,
        passMark,
        parts,
        T0,
        T0.plusSeconds(3 * 3600),
        ADMIN);
  }

  private static SessionScheduledEvent scheduled() {
    return new SessionScheduledEvent(
        "S-2026-001",
        "CNC lathe operator",
        4,
        ExamType.REGULAR,
        new BigDecimal("96"),
        COMPONENTS,
        T0,
        T0.plusSeconds(3 * 3600),
        ADMIN);
  }

  private static CandidateRegisteredEvent registered(String candidateId) {
    return new CandidateRegisteredEvent("S-2026-001", candidateId, ADMIN);
  }

  @Test
  void canScheduleSessionWithComponents() {
    fixture
        .givenNoPriorActivity()
        .when(schedule(new BigDecimal("96"), COMPONENTS))
        .expectSuccessfulHandlerExecution()
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
        .when(schedule(new BigDecimal("161"), COMPONENTS))
        .expectNoEvents()
        .expectExceptionMessage(
            "passMark must be greater than 0 and at most the sum of the components' maxima (160);"
                + " was 161");
  }

  @Test
  void cannotScheduleSessionWithTheSameComponentTwice() {
    fixture
        .givenNoPriorActivity()
        .when(
            schedule(
                new BigDecimal("60"),
                List.of(
                    new ScoreComponent("theory", "Theory", BigDecimal.TEN),
                    new ScoreComponent("theory", "Theory again", BigDecimal.TEN))))
        .expectNoEvents()
        .expectExceptionMessage("component 'theory' is listed twice");
  }

  @Test
  void canRegisterCandidate() {
    fixture
        .given(scheduled())
        .when(new RegisterCandidateCommand("S-2026-001", "C-0001", ADMIN))
        .expectEvents(registered("C-0001"));
  }

  @Test
  void cannotRegisterCandidateTwice() {
    fixture
        .given(scheduled(), registered("C-0001"))
        .when(new RegisterCandidateCommand("S-2026-001", "C-0001", ADMIN))
        .expectNoEvents()
        .expectExceptionMessage(
            "candidate 'C-0001' is already registered for session 'S-2026-001'");
  }

  @Test
  void canRecordScoreWithinComponentMaximum() {
    fixture
        .given(scheduled(), registered("C-0001"))
        .when(
            new RecordScoreCommand(
                "S-2026-001", "C-0001", "practical-1", new BigDecimal("57.5"), EXAMINER))
        .expectEvents(
            new ScoreRecordedEvent(
                "S-2026-001", "C-0001", "practical-1", new BigDecimal("57.5"), EXAMINER));
  }

  @Test
  void cannotRecordScoreAboveComponentMaximum() {
    fixture
        .given(scheduled(), registered("C-0001"))
        .when(
            new RecordScoreCommand(
                "S-2026-001", "C-0001", "practical-1", new BigDecimal("61"), EXAMINER))
        .expectNoEvents()
        .expectExceptionMessage("score 61 is above the maximum 60 of component 'practical-1'");
  }

  @Test
  void cannotRecordNegativeScore() {
    fixture
        .given(scheduled(), registered("C-0001"))
        .when(
            new RecordScoreCommand(
                "S-2026-001", "C-0001", "theory", new BigDecimal("-1"), EXAMINER))
        .expectNoEvents()
        .expectExceptionMessage("score must not be negative; was -1");
  }

  @Test
  void cannotRecordScoreForUnregisteredCandidate() {
    fixture
        .given(scheduled())
        .when(new RecordScoreCommand("S-2026-001", "C-0404", "theory", BigDecimal.TEN, EXAMINER))
        .expectNoEvents()
        .expectExceptionMessage("candidate 'C-0404' is not registered for session 'S-2026-001'");
  }

  @Test
  void cannotRecordScoreForUnknownComponent() {
    fixture
        .given(scheduled(), registered("C-0001"))
        .when(new RecordScoreCommand("S-2026-001", "C-0001", "oral", BigDecimal.TEN, EXAMINER))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' has no score component 'oral'; it has [practical-1, theory]");
  }

  @Test
  void cannotRecordSecondScoreForSameComponentWithoutCorrection() {
    fixture
        .given(
            scheduled(),
            registered("C-0001"),
            new ScoreRecordedEvent("S-2026-001", "C-0001", "theory", BigDecimal.TEN, EXAMINER))
        .when(new RecordScoreCommand("S-2026-001", "C-0001", "theory", BigDecimal.ONE, EXAMINER))
        .expectNoEvents()
        .expectExceptionMessage(
            "a score for component 'theory' of candidate 'C-0001' is already recorded; a change"
                + " must be a correction with a reason");
  }

  @Test
  void cannotRecordScoreWithMoreThanTwoDecimals() {
    fixture
        .given(scheduled(), registered("C-0001"))
        .when(
            new RecordScoreCommand(
                "S-2026-001", "C-0001", "theory", new BigDecimal("10.125"), EXAMINER))
        .expectNoEvents()
        .expectExceptionMessage("score may have at most 2 decimal places; was 10.125");
  }
}
