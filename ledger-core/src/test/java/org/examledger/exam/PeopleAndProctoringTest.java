package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleAndProctoringTest {

  private FixtureConfiguration<ExamSession> fixture;

  @BeforeEach
  void setUp() {
    fixture = fixture(Set.of("examiner-66"));
  }

  @Test
  void canAssignExaminer() {
    fixture
        .given(scheduled())
        .when(new AssignStaffCommand(SESSION, "examiner-07", StaffRole.EXAMINER, by("admin-01")))
        .expectEvents(assigned("examiner-07", StaffRole.EXAMINER));
  }

  @Test
  void cannotAssignSuspendedExaminer() {
    fixture
        .given(scheduled())
        .when(new AssignStaffCommand(SESSION, "examiner-66", StaffRole.EXAMINER, by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage(
            "'examiner-66' is suspended from all assignments (or awaits reinstatement) and cannot"
                + " be assigned");
  }

  @Test
  void cannotAssignSuspendedPersonInAnyRole() {
    fixture
        .given(scheduled())
        .when(new AssignStaffCommand(SESSION, "examiner-66", StaffRole.PROCTOR, by("admin-01")))
        .expectNoEvents()
        .expectException(ExamRuleViolation.class);
  }

  @Test
  void keepsSuspendedPersonsStatementAsEvidenceOnly() {
    Provenance p = signedBy("examiner-66");
    fixture
        .given(scheduled(), opened(), assigned("examiner-66", StaffRole.EXAMINER))
        .when(
            new RecordSuspendedActorStatementCommand(
                SESSION, "exam.score.record/v1", "ab".repeat(32), p))
        .expectEvents(
            new SuspendedActorStatementRecordedEvent(
                SESSION, "exam.score.record/v1", "ab".repeat(32), p));
  }

  @Test
  void refusesEvidenceOnlyRecordForActorWhoIsNotSuspended() {
    fixture
        .given(scheduled())
        .when(
            new RecordSuspendedActorStatementCommand(
                SESSION, "exam.score.record/v1", "ab".repeat(32), signedBy("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage(
            "'examiner-07' is not suspended; the statement must take its normal course");
  }

  @Test
  void cannotAssignTheSameRoleTwice() {
    fixture
        .given(scheduled(), assigned("examiner-07", StaffRole.EXAMINER))
        .when(new AssignStaffCommand(SESSION, "examiner-07", StaffRole.EXAMINER, by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage("'examiner-07' is already EXAMINER of this session");
  }

  @Test
  void canUnassignAssignedStaff() {
    fixture
        .given(scheduled(), assigned("examiner-07", StaffRole.EXAMINER))
        .when(new UnassignStaffCommand(SESSION, "examiner-07", StaffRole.EXAMINER, by("admin-01")))
        .expectEvents(
            new StaffUnassignedEvent(SESSION, "examiner-07", StaffRole.EXAMINER, by("admin-01")));
  }

  @Test
  void cannotUnassignSomeoneNotAssigned() {
    fixture
        .given(scheduled())
        .when(new UnassignStaffCommand(SESSION, "examiner-07", StaffRole.EXAMINER, by("admin-01")))
        .expectNoEvents()
        .expectExceptionMessage("'examiner-07' is not EXAMINER of this session");
  }

  @Test
  void canRegisterCandidateWithEligibilityAndHashedDocument() {
    fixture.given(scheduled()).when(register("C-1")).expectEvents(registered("C-1"));
  }

  @Test
  void cannotRegisterCandidateTwice() {
    fixture
        .given(scheduled(), registered("C-1"))
        .when(register("C-1"))
        .expectNoEvents()
        .expectExceptionMessage("candidate 'C-1' is already registered for session 'S-2026-001'");
  }

  @Test
  void cannotRegisterCandidateWithoutEligibility() {
    RegisterCandidateCommand c = register("C-1");
    fixture
        .given(scheduled())
        .when(
            new RegisterCandidateCommand(
                SESSION, "C-1", "R101", null, c.documents(), c.provenance()))
        .expectNoEvents()
        .expectExceptionMessage(
            "a candidate is registered with the qualification the station checked");
  }

  @Test
  void cannotRegisterCandidateWithARawIdNumber() {
    RegisterCandidateCommand c = register("C-1");
    fixture
        .given(scheduled())
        .when(
            new RegisterCandidateCommand(
                SESSION,
                "C-1",
                "R101",
                c.eligibility(),
                List.of(new DocumentRef(DocumentType.ID_CARD, "110105194912310021", "0021")),
                c.provenance()))
        .expectNoEvents()
        .expectExceptionMessage(
            "documents[0].keyedHash must be the 64-hex-digit HMAC-SHA-256 of the document number,"
                + " never the number itself");
  }

  @Test
  void cannotRegisterCandidateInUnknownRoom() {
    RegisterCandidateCommand c = register("C-1");
    fixture
        .given(scheduled())
        .when(
            new RegisterCandidateCommand(
                SESSION, "C-1", "R999", c.eligibility(), c.documents(), c.provenance()))
        .expectNoEvents()
        .expectExceptionMessage("session 'S-2026-001' has no room 'R999'; it has [R101, R102]");
  }

  @Test
  void cannotRegisterCandidateAfterStart() {
    fixture
        .given(inProgress())
        .when(register("C-2"))
        .expectNoEvents()
        .expectExceptionMessage(
            "session 'S-2026-001' is STARTED; cannot register candidates (needs [SCHEDULED,"
                + " OPEN])");
  }

  @Test
  void assignedProctorRecordsNoticeRead() {
    fixture
        .given(scheduled(), assigned("proctor-03", StaffRole.PROCTOR), opened())
        .when(new RecordCandidateNoticeReadCommand(SESSION, "R101", null, by("proctor-03")))
        .expectEvents(noticeRead("R101"));
  }

  @Test
  void unassignedPersonCannotRecordNoticeRead() {
    fixture
        .given(scheduled(), opened())
        .when(new RecordCandidateNoticeReadCommand(SESSION, "R101", null, by("proctor-03")))
        .expectNoEvents()
        .expectExceptionMessage("'proctor-03' is not assigned to session 'S-2026-001' as PROCTOR");
  }

  @Test
  void proctorRecordsProhibitedItemsFound() {
    fixture
        .given(scheduled(), assigned("proctor-03", StaffRole.PROCTOR), opened())
        .when(
            new RecordProhibitedItemsCheckCommand(
                SESSION, "R101", List.of("phone on desk 14"), by("proctor-03")))
        .expectEvents(
            new ProhibitedItemsCheckedEvent(
                SESSION, "R101", List.of("phone on desk 14"), by("proctor-03")));
  }

  @Test
  void proctorRecordsAndResolvesIncident() {
    IncidentRecordedEvent incident =
        new IncidentRecordedEvent(
            SESSION,
            "INC-1",
            IncidentCategory.CANDIDATE_BEHAVIOUR,
            "notes found under the lathe",
            "C-1",
            by("proctor-03"));
    fixture
        .given(inProgress())
        .when(
            new RecordIncidentCommand(
                SESSION,
                "INC-1",
                IncidentCategory.CANDIDATE_BEHAVIOUR,
                "notes found under the lathe",
                "C-1",
                by("proctor-03")))
        .expectEvents(incident);
    fixture
        .given(plus(inProgress(), incident))
        .when(new ResolveIncidentCommand(SESSION, "INC-1", "notes confiscated", by("proctor-03")))
        .expectEvents(
            new IncidentResolvedEvent(SESSION, "INC-1", "notes confiscated", by("proctor-03")));
  }

  @Test
  void cannotResolveUnknownIncident() {
    fixture
        .given(inProgress())
        .when(new ResolveIncidentCommand(SESSION, "INC-9", "done", by("proctor-03")))
        .expectNoEvents()
        .expectExceptionMessage("no incident 'INC-9'");
  }

  @Test
  void proctorRecordsIdentityCheck() {
    fixture
        .given(inProgress())
        .when(
            new RecordIdentityCheckCommand(
                SESSION,
                "C-1",
                List.of(ID_CARD),
                IdentityCheckMethod.CARD_READER,
                IdentityCheckResult.MATCH,
                by("proctor-03")))
        .expectEvents(
            new IdentityCheckedEvent(
                SESSION,
                "C-1",
                List.of(ID_CARD),
                IdentityCheckMethod.CARD_READER,
                IdentityCheckResult.MATCH,
                by("proctor-03")));
  }

  @Test
  void identityMatchNeedsADocument() {
    fixture
        .given(inProgress())
        .when(
            new RecordIdentityCheckCommand(
                SESSION,
                "C-1",
                List.of(),
                IdentityCheckMethod.VISUAL,
                IdentityCheckResult.MATCH,
                by("proctor-03")))
        .expectNoEvents()
        .expectExceptionMessage(
            "an identity check with result MATCH names the documents presented; use"
                + " MISSING_DOCUMENT when there were none");
  }

  @Test
  void examinerCannotRecordIdentityCheck() {
    fixture
        .given(inProgress())
        .when(
            new RecordIdentityCheckCommand(
                SESSION,
                "C-1",
                List.of(ID_CARD),
                IdentityCheckMethod.VISUAL,
                IdentityCheckResult.MATCH,
                by("examiner-07")))
        .expectNoEvents()
        .expectExceptionMessage("'examiner-07' is not assigned to session 'S-2026-001' as PROCTOR");
  }
}
