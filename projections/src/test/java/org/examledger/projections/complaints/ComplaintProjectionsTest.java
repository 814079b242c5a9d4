package org.examledger.projections.complaints;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.examledger.complaints.ComplaintChannel;
import org.examledger.complaints.ComplaintDecidedEvent;
import org.examledger.complaints.ComplaintFiledEvent;
import org.examledger.complaints.ComplaintOutcome;
import org.examledger.complaints.InvestigatorAssignedEvent;
import org.examledger.complaints.RespondentReinstatedEvent;
import org.examledger.complaints.RespondentRole;
import org.examledger.complaints.RespondentSuspendedEvent;
import org.examledger.complaints.SanctionRescindedEvent;
import org.examledger.complaints.SuspensionPeriodEndedEvent;
import org.examledger.exam.Provenance;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SuspendedActorStatementRecordedEvent;
import org.examledger.keys.ActorRole;
import org.examledger.projections.complaints.ComplaintViews.ExaminerYear;
import org.examledger.projections.complaints.ComplaintViews.StationYear;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The complaint read models as plain objects over an in-memory H2 with the real migrations. */
class ComplaintProjectionsTest {

  private static final Instant FILED = Instant.parse("2026-03-02T02:00:00Z");
  private static final Instant DECIDED = Instant.parse("2026-03-20T02:00:00Z");
  private static final Instant UNTIL = Instant.parse("2026-09-20T02:00:00Z");
  private static final Instant REINSTATED = Instant.parse("2026-10-01T02:00:00Z");

  private SuspensionProjection suspensions;
  private SuspensionsView registry;
  private ComplaintCaseProjection cases;
  private ComplaintViews views;
  private int ids;

  @BeforeEach
  void setUp() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL(
        "jdbc:h2:mem:complaints" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/projections/common")
        .load()
        .migrate();
    JdbcClient jdbc = JdbcClient.create(dataSource);
    suspensions = new SuspensionProjection(jdbc);
    registry = new SuspensionsView(jdbc);
    cases = new ComplaintCaseProjection(new JdbcTemplate(dataSource));
    views = new ComplaintViews(jdbc);
  }

  private String id() {
    return "event-" + (++ids);
  }

  private static Provenance by(String actor, Instant at) {
    return new Provenance(actor, actor, at, "{\"signed\":1}");
  }

  private void file(String complaintId, String respondent, RespondentRole role, Instant at) {
    cases.on(
        new ComplaintFiledEvent(
            complaintId,
            respondent,
            role,
            null,
            null,
            ComplaintChannel.THROUGH_STATION,
            "summary",
            by("clerk-02", at)),
        id());
  }

  private void verifyAndSuspend(String complaintId, String respondent) {
    cases.on(
        new InvestigatorAssignedEvent(complaintId, "supervisor-01", by("supervisor-01", FILED)),
        id());
    cases.on(
        new ComplaintDecidedEvent(
            complaintId, ComplaintOutcome.VERIFIED, "verified", by("supervisor-01", DECIDED)),
        id());
    RespondentSuspendedEvent suspended =
        new RespondentSuspendedEvent(
            complaintId,
            respondent,
            DECIDED,
            UNTIL,
            ActorRole.STATION_ADMIN,
            ActorRole.SUPERVISOR,
            by("supervisor-01", DECIDED));
    suspensions.on(suspended);
    cases.on(suspended, id());
  }

  private void marked(String examiner, String session, String candidate, Instant at) {
    cases.on(
        new ScoreRecordedEvent(
            session, candidate, "theory", new BigDecimal("40"), by(examiner, at)));
  }

  @Test
  void suspensionBarsFromTheDecisionUntilReinstatementNotJustUntilThePeriodEnd() {
    file("CPL-1", "examiner-07", RespondentRole.EXAMINER, FILED);
    verifyAndSuspend("CPL-1", "examiner-07");
    SuspensionPeriodEndedEvent ended =
        new SuspensionPeriodEndedEvent(
            "CPL-1", "examiner-07", UNTIL, new Provenance("ledger", "ledger", UNTIL, null));
    suspensions.on(ended);
    cases.on(ended, id());

    assertThat(suspendedBothWays("examiner-07", DECIDED.minusSeconds(1))).isFalse();
    assertThat(suspendedBothWays("examiner-07", DECIDED)).isTrue();
    assertThat(suspendedBothWays("examiner-07", UNTIL.plusSeconds(86400))).isTrue();
    assertThat(views.history("examiner-07", UNTIL.plusSeconds(60)).standing())
        .isEqualTo("AWAITING_REINSTATEMENT");
    assertThat(views.history("examiner-07", DECIDED.plusSeconds(60)).standing())
        .isEqualTo("SUSPENDED");

    RespondentReinstatedEvent reinstated =
        new RespondentReinstatedEvent(
            "CPL-1", "examiner-07", REINSTATED, by("supervisor-02", REINSTATED));
    suspensions.on(reinstated);
    cases.on(reinstated, id());

    assertThat(suspendedBothWays("examiner-07", REINSTATED)).isFalse();
    assertThat(suspendedBothWays("examiner-07", REINSTATED.minusSeconds(1))).isTrue();
    assertThat(suspendedBothWays("examiner-99", DECIDED)).isFalse();
    assertThat(views.history("examiner-07", REINSTATED).standing()).isEqualTo("ACTIVE");
    assertThat(views.history("examiner-07", REINSTATED).complaints())
        .singleElement()
        .satisfies(c -> assertThat(c.sanction().status()).isEqualTo("REINSTATED"));
  }

  @Test
  void rescindedSuspensionStopsBarringWhenRescinded() {
    file("CPL-1", "examiner-07", RespondentRole.EXAMINER, FILED);
    verifyAndSuspend("CPL-1", "examiner-07");
    Instant rescinded = DECIDED.plusSeconds(3 * 86400);
    suspensions.on(
        new SanctionRescindedEvent(
            "CPL-1", "examiner-07", rescinded, by("supervisor-01", rescinded)));

    assertThat(suspendedBothWays("examiner-07", rescinded.minusSeconds(1))).isTrue();
    assertThat(suspendedBothWays("examiner-07", rescinded)).isFalse();
  }

  /**
   * The query's answer, after checking that the person's intervals answered in memory (as a bulk
   * submission answers them, BulkSuspensionMemo) give the same one.
   */
  private boolean suspendedBothWays(String person, Instant at) {
    boolean queried = registry.isSuspended(person, at);
    boolean inMemory =
        registry.intervalsOf(person).stream().anyMatch(interval -> interval.covers(at));
    assertThat(inMemory).as("intervals of %s at %s", person, at).isEqualTo(queried);
    return queried;
  }

  @Test
  void openCasesAreOldestFirstWithTheirAgeInDays() {
    file("CPL-2", "examiner-07", RespondentRole.EXAMINER, FILED.plusSeconds(86400));
    file("CPL-1", "proctor-03", RespondentRole.PROCTOR, FILED);
    file("CPL-3", "examiner-08", RespondentRole.EXAMINER, FILED);
    verifyAndSuspend("CPL-3", "examiner-08");

    assertThat(views.openCases(FILED.plusSeconds(10 * 86400 + 3600)))
        .extracting(ComplaintViews.CaseSummary::complaintId, ComplaintViews.CaseSummary::ageDays)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("CPL-1", 10L),
            org.assertj.core.groups.Tuple.tuple("CPL-2", 9L));
  }

  @Test
  void statisticsCountComplaintsAndRatesPerStationYearAndExaminer() {
    for (int c = 1; c <= 8; c++) {
      marked("examiner-07", "S-1", "C-" + c, FILED);
    }
    marked("examiner-07", "S-1", "C-1", FILED); // a second component: still one candidate
    marked("examiner-08", "S-1", "C-1", FILED);
    marked("examiner-08", "S-1", "C-2", FILED);
    marked("examiner-09", "S-2", "C-9", FILED);
    file("CPL-1", "examiner-07", RespondentRole.EXAMINER, FILED);
    verifyAndSuspend("CPL-1", "examiner-07");
    file("CPL-2", "examiner-07", RespondentRole.EXAMINER, FILED);
    cases.on(
        new ComplaintDecidedEvent(
            "CPL-2", ComplaintOutcome.DISMISSED, "no evidence", by("supervisor-01", DECIDED)),
        id());
    file("CPL-3", "proctor-03", RespondentRole.PROCTOR, FILED);
    // 2026-12-31T17:00Z is 2027-01-01 01:00 in China Standard Time: next station year.
    file("CPL-4", "examiner-08", RespondentRole.EXAMINER, Instant.parse("2026-12-31T17:00:00Z"));

    StationYear year = views.statistics(2026);

    assertThat(year.complaints()).isEqualTo(3);
    assertThat(year.verified()).isEqualTo(1);
    assertThat(year.dismissed()).isEqualTo(1);
    assertThat(year.open()).isEqualTo(1);
    assertThat(year.candidatesMarked()).isEqualTo(9);
    assertThat(year.complaintsPer1000Candidates()).isEqualByComparingTo("333.33");
    assertThat(year.examinersActive()).isEqualTo(3);
    assertThat(year.examinersWithComplaints()).isEqualTo(1);
    assertThat(year.examinersWithVerifiedComplaints()).isEqualTo(1);
    assertThat(year.zeroComplaintShare()).isEqualByComparingTo("0.6667");
    assertThat(year.examiners())
        .extracting(ExaminerYear::personId)
        .containsExactly("examiner-07", "examiner-08", "examiner-09");
    ExaminerYear e07 = year.examiners().get(0);
    assertThat(e07.complaints()).isEqualTo(2);
    assertThat(e07.candidatesMarked()).isEqualTo(8);
    assertThat(e07.complaintsPer100Candidates()).isEqualByComparingTo("25.00");
    assertThat(views.statistics(2027).complaints()).isEqualTo(1);
    assertThat(views.statistics(2027).complaintsPer1000Candidates()).isNull();
  }

  @Test
  void statementsSignedWhileSuspendedShowInThePersonsHistory() {
    file("CPL-1", "examiner-07", RespondentRole.EXAMINER, FILED);
    verifyAndSuspend("CPL-1", "examiner-07");
    cases.on(
        new SuspendedActorStatementRecordedEvent(
            "S-1", "exam.score.record/v1", "ab".repeat(32), by("examiner-07", DECIDED)),
        "event-late-score");

    assertThat(views.history("examiner-07", DECIDED).statementsWhileSuspended())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.eventId()).isEqualTo("event-late-score");
              assertThat(s.statementType()).isEqualTo("exam.score.record/v1");
            });
  }

  @Test
  void resetEmptiesTheViews() {
    file("CPL-1", "examiner-07", RespondentRole.EXAMINER, FILED);
    verifyAndSuspend("CPL-1", "examiner-07");
    cases.reset();
    suspensions.reset();

    assertThat(views.find("CPL-1", DECIDED)).isEmpty();
    assertThat(registry.isSuspended("examiner-07", DECIDED)).isFalse();
  }
}
