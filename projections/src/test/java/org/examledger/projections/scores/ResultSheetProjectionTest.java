package org.examledger.projections.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.CorrectionReason;
import org.examledger.exam.Eligibility;
import org.examledger.exam.ExamType;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.Provenance;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.SheetStatus;
import org.examledger.sheets.ResultSheetView;
import org.examledger.sheets.ResultSheetView.Outcome;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class ResultSheetProjectionTest {

  private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Provenance ADMIN = new Provenance("admin-01", "admin-01", T0, null);
  private static final Provenance EXAMINER =
      new Provenance("examiner-07", "clerk-02", T0.plusSeconds(7200), null);

  private static final Provenance SECOND =
      new Provenance("examiner-11", "examiner-11", T0.plusSeconds(7300), "{\"signed\":1}");
  private static final Provenance THIRD =
      new Provenance("examiner-12", "examiner-12", T0.plusSeconds(7400), "{\"signed\":1}");
  private static final Provenance CHIEF =
      new Provenance("chief-01", "chief-01", T0.plusSeconds(7500), "{\"signed\":1}");

  private ResultSheetProjection projection;
  private int eventIds;

  private String nextId() {
    return "event-" + (++eventIds);
  }

  private ResultSheetView sheet() {
    return projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow();
  }

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    // DB_CLOSE_DELAY=-1 keeps the in-memory database while the test runs
    dataSource.setURL("jdbc:h2:mem:sheets" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/projections/common")
        .load()
        .migrate();
    projection = new ResultSheetProjection(new JdbcTemplate(dataSource));
    scheduleAndRegister();
  }

  @Test
  void newSheetIsIncompleteWithNoScores() {
    ResultSheetView sheet = projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow();

    assertThat(sheet.outcome()).isEqualTo(Outcome.INCOMPLETE);
    assertThat(sheet.total()).isEqualByComparingTo("0");
    assertThat(sheet.components())
        .extracting(ResultSheetView.ComponentScoreView::componentId)
        .containsExactly("theory", "practical");
    assertThat(sheet.components()).allSatisfy(c -> assertThat(c.score()).isNull());
  }

  @Test
  void recordedScoresSumToTotalAndDecideOutcome() {
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("31.5"), EXAMINER), nextId());
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "practical", new BigDecimal("28"), EXAMINER),
        nextId());

    ResultSheetView sheet = projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow();

    assertThat(sheet.total()).isEqualTo(new BigDecimal("59.5"));
    assertThat(sheet.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(sheet.components().get(0).score()).isEqualTo(new BigDecimal("31.5"));
    assertThat(sheet.components().get(0).recordedBy()).isEqualTo("examiner-07");
    assertThat(sheet.components().get(0).submittedBy()).isEqualTo("clerk-02");
    assertThat(sheet.components().get(0).signed()).isFalse();
  }

  @Test
  void totalAtPassMarkPasses() {
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("30"), EXAMINER), nextId());
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "practical", new BigDecimal("30"), EXAMINER),
        nextId());

    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow().outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownCandidateHasNoSheet() {
    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-404"))).isEmpty();
  }

  @Test
  void resetThenReplayGivesTheSameSheet() {
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("45"), EXAMINER), nextId());
    ResultSheetView before =
        projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow();

    projection.reset();
    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-1"))).isEmpty();
    scheduleAndRegister();
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("45"), EXAMINER), nextId());

    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow())
        .isEqualTo(before);
  }

  @Test
  void doubleMarkedComponentHasNoScoreUntilTheMarksAgree() {
    scheduleDoubleMarked();
    projection.on(
        new ScoreRecordedEvent("S-2", "C-1", "practical", new BigDecimal("40"), EXAMINER),
        nextId());
    assertThat(doubleMarkedSheet().components().get(1).score()).isNull();
    projection.on(
        new IndependentMarkRecordedEvent(
            "S-2", "C-1", "practical", 2, new BigDecimal("44"), SECOND),
        nextId());

    ResultSheetView.ComponentScoreView practical = doubleMarkedSheet().components().get(1);
    assertThat(practical.marks()).containsExactly(new BigDecimal("40"), new BigDecimal("44"));
    assertThat(practical.score()).isEqualTo(new BigDecimal("42"));
  }

  @Test
  void divergingMarksAreSettledByTheClosestPairOfThreeThenByAdjudication() {
    scheduleDoubleMarked();
    projection.on(
        new ScoreRecordedEvent("S-2", "C-1", "practical", new BigDecimal("30"), EXAMINER),
        nextId());
    projection.on(
        new IndependentMarkRecordedEvent(
            "S-2", "C-1", "practical", 2, new BigDecimal("45"), SECOND),
        nextId());
    assertThat(doubleMarkedSheet().components().get(1).score()).isNull();
    assertThat(doubleMarkedSheet().outcome()).isEqualTo(Outcome.INCOMPLETE);

    projection.on(
        new IndependentMarkRecordedEvent("S-2", "C-1", "practical", 3, new BigDecimal("44"), THIRD),
        nextId());
    assertThat(doubleMarkedSheet().components().get(1).score()).isEqualTo(new BigDecimal("44.5"));

    projection.on(
        new ScoreAdjudicatedEvent(
            "S-2", "C-1", "practical", new BigDecimal("43"), "re-measured", CHIEF));
    assertThat(doubleMarkedSheet().components().get(1).score()).isEqualTo(new BigDecimal("43"));
    assertThat(doubleMarkedSheet().components().get(1).adjudicated())
        .isEqualTo(new BigDecimal("43"));
  }

  @Test
  void correctionReplacesTheMarkAndCountersignatureOfTheCorrectionSignsIt() {
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("31"), EXAMINER), nextId());
    String correction = nextId();
    projection.on(
        new ScoreCorrectedEvent(
            "S-1",
            "C-1",
            "theory",
            1,
            new BigDecimal("31"),
            new BigDecimal("33"),
            CorrectionReason.ADDITION_ERROR,
            "page 3",
            EXAMINER),
        correction);
    assertThat(sheet().components().get(0).score()).isEqualTo(new BigDecimal("33"));
    assertThat(sheet().components().get(0).signed()).isFalse();

    projection.on(
        new ScoreCountersignedEvent(
            "S-1", correction, "C-1", "theory", new BigDecimal("33"), SECOND));
    assertThat(sheet().components().get(0).signed()).isTrue();
  }

  @Test
  void sheetStatusFollowsSubmitLockReopenPublish() {
    assertThat(sheet().status()).isEqualTo(SheetStatus.OPEN);
    projection.on(
        new ResultSheetSubmittedEvent("S-1", "C-1", new BigDecimal("60"), null, true, ADMIN));
    assertThat(sheet().status()).isEqualTo(SheetStatus.SUBMITTED);
    projection.on(new ResultSheetLockedEvent("S-1", "C-1", ADMIN));
    assertThat(sheet().status()).isEqualTo(SheetStatus.LOCKED);
    projection.on(new ResultSheetReopenedEvent("S-1", "C-1", "typo", "chief-01", ADMIN));
    assertThat(sheet().status()).isEqualTo(SheetStatus.OPEN);
    projection.on(
        new ResultSheetSubmittedEvent("S-1", "C-1", new BigDecimal("60"), null, true, ADMIN));
    projection.on(new ResultSheetLockedEvent("S-1", "C-1", ADMIN));
    projection.on(new ResultSheetPublishedEvent("S-1", "C-1", new BigDecimal("60"), true, ADMIN));
    assertThat(sheet().status()).isEqualTo(SheetStatus.PUBLISHED);
  }

  private ResultSheetView doubleMarkedSheet() {
    return projection.handle(new FindResultSheetQuery("S-2", "C-1")).orElseThrow();
  }

  /** Session S-2: theory single-marked, practical double-marked with tolerance 5. */
  private void scheduleDoubleMarked() {
    projection.on(
        new SessionScheduledEvent(
            "S-2",
            "CNC lathe operator",
            4,
            ExamType.REGULAR,
            new BigDecimal("60"),
            List.of(
                ScoreComponent.singleMarked("theory", "Theory", new BigDecimal("50")),
                new ScoreComponent(
                    "practical", "Practical", new BigDecimal("50"), new BigDecimal("5"))),
            List.of("R101"),
            T0,
            T0.plusSeconds(10800),
            ADMIN));
    projection.on(
        new CandidateRegisteredEvent(
            "S-2", "C-1", "R101", new Eligibility("q", "t"), List.of(), ADMIN));
  }

  private void scheduleAndRegister() {
    projection.on(
        new SessionScheduledEvent(
            "S-1",
            "CNC lathe operator",
            4,
            ExamType.REGULAR,
            new BigDecimal("60"),
            List.of(
                ScoreComponent.singleMarked("theory", "Theory", new BigDecimal("50")),
                ScoreComponent.singleMarked("practical", "Practical", new BigDecimal("50"))),
            List.of("R101"),
            T0,
            T0.plusSeconds(10800),
            ADMIN));
    projection.on(
        new CandidateRegisteredEvent(
            "S-1",
            "C-1",
            "R101",
            new Eligibility("CNC lathe operator level 3", "240 h"),
            List.of(),
            ADMIN));
  }
}
