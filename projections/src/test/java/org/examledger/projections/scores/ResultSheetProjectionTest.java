package org.examledger.projections.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.ExamType;
import org.examledger.exam.Provenance;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.projections.scores.ResultSheetView.Outcome;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class ResultSheetProjectionTest {

  private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
  private static final Provenance ADMIN = new Provenance("admin-01", "admin-01", T0, null);
  private static final Provenance EXAMINER =
      new Provenance("examiner-07", "clerk-02", T0.plusSeconds(7200), null);

  private ResultSheetProjection projection;

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
    projection = new ResultSheetProjection(JdbcClient.create(dataSource));
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
    projection.on(new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("31.5"), EXAMINER));
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "practical", new BigDecimal("28"), EXAMINER));

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
    projection.on(new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("30"), EXAMINER));
    projection.on(
        new ScoreRecordedEvent("S-1", "C-1", "practical", new BigDecimal("30"), EXAMINER));

    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow().outcome())
        .isEqualTo(Outcome.PASS);
  }

  @Test
  void unknownCandidateHasNoSheet() {
    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-404"))).isEmpty();
  }

  @Test
  void resetThenReplayGivesTheSameSheet() {
    projection.on(new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("45"), EXAMINER));
    ResultSheetView before =
        projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow();

    projection.reset();
    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-1"))).isEmpty();
    scheduleAndRegister();
    projection.on(new ScoreRecordedEvent("S-1", "C-1", "theory", new BigDecimal("45"), EXAMINER));

    assertThat(projection.handle(new FindResultSheetQuery("S-1", "C-1")).orElseThrow())
        .isEqualTo(before);
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
                new ScoreComponent("theory", "Theory", new BigDecimal("50")),
                new ScoreComponent("practical", "Practical", new BigDecimal("50"))),
            T0,
            T0.plusSeconds(10800),
            ADMIN));
    projection.on(new CandidateRegisteredEvent("S-1", "C-1", ADMIN));
  }
}
