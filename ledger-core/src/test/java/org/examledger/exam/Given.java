package org.examledger.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.examledger.bytes.Bytes;

/** Shared facts for the ExamSession given/when/expect tests. */
final class Given {

  private Given() {}

  static final String SESSION = "S-2026-001";
  static final Instant T0 = Instant.parse("2026-06-13T01:00:00Z");
  static final Bytes STATION_SECRET = Bytes.utf8("station-0001 test secret");

  static final ScoreComponent THEORY =
      ScoreComponent.singleMarked("theory", "Theory paper", new BigDecimal("40"));
  static final ScoreComponent PRACTICAL =
      new ScoreComponent(
          "practical", "Turning a stepped shaft", new BigDecimal("60"), new BigDecimal("5"));

  static final DocumentRef ID_CARD =
      DocumentRef.keyed(DocumentType.ID_CARD, "110105194912310021", STATION_SECRET);

  static Provenance by(String actor) {
    return new Provenance(actor, actor, T0, null);
  }

  static Provenance signedBy(String actor) {
    return new Provenance(actor, actor, T0, "{\"payloadType\":\"test\"}");
  }

  /** A fixture whose suspension registry suspends exactly the people in {@code suspended}. */
  static FixtureConfiguration<ExamSession> fixture(Set<String> suspended) {
    FixtureConfiguration<ExamSession> fixture = new AggregateTestFixture<>(ExamSession.class);
    fixture.registerInjectableResource(
        (SuspensionRegistry) (person, at) -> suspended.contains(person));
    return fixture;
  }

  static FixtureConfiguration<ExamSession> fixture() {
    return fixture(new HashSet<>());
  }

  static ScheduleSessionCommand schedule(BigDecimal passMark, List<ScoreComponent> components) {
    return new ScheduleSessionCommand(
        SESSION,
        "CNC lathe operator",
        4,
        ExamType.REGULAR,
        passMark,
        components,
        List.of("R101", "R102"),
        T0,
        T0.plusSeconds(4 * 3600),
        by("admin-01"));
  }

  static SessionScheduledEvent scheduled() {
    return new SessionScheduledEvent(
        SESSION,
        "CNC lathe operator",
        4,
        ExamType.REGULAR,
        new BigDecimal("60"),
        List.of(THEORY, PRACTICAL),
        List.of("R101", "R102"),
        T0,
        T0.plusSeconds(4 * 3600),
        by("admin-01"));
  }

  static SessionOpenedEvent opened() {
    return new SessionOpenedEvent(SESSION, by("admin-01"));
  }

  static SessionStartedEvent started() {
    return new SessionStartedEvent(SESSION, null, by("proctor-03"));
  }

  static SessionEndedEvent ended() {
    return new SessionEndedEvent(SESSION, by("proctor-03"));
  }

  static StaffAssignedEvent assigned(String person, StaffRole role) {
    return new StaffAssignedEvent(SESSION, person, role, by("admin-01"));
  }

  static RegisterCandidateCommand register(String candidateId) {
    return new RegisterCandidateCommand(
        SESSION,
        candidateId,
        "R101",
        new Eligibility("CNC lathe operator level 5 (2023)", "240 h, City Technical College"),
        List.of(ID_CARD),
        by("admin-01"));
  }

  static CandidateRegisteredEvent registered(String candidateId) {
    RegisterCandidateCommand c = register(candidateId);
    return new CandidateRegisteredEvent(
        SESSION, candidateId, c.room(), c.eligibility(), c.documents(), c.provenance());
  }

  static CandidateNoticeReadEvent noticeRead(String room) {
    return new CandidateNoticeReadEvent(
        SESSION, room, NoticeReadingMethod.READ_ALOUD, by("proctor-03"));
  }

  /** Scheduled, staffed (examiners 07, 08, 09, chief 01, proctor 03), C-1 registered, started. */
  static Object[] inProgress() {
    return new Object[] {
      scheduled(),
      assigned("examiner-07", StaffRole.EXAMINER),
      assigned("examiner-08", StaffRole.EXAMINER),
      assigned("examiner-09", StaffRole.EXAMINER),
      assigned("chief-01", StaffRole.CHIEF_EXAMINER),
      assigned("proctor-03", StaffRole.PROCTOR),
      registered("C-1"),
      opened(),
      noticeRead("R101"),
      noticeRead("R102"),
      started()
    };
  }

  static Object[] plus(Object[] history, Object... more) {
    Object[] all = new Object[history.length + more.length];
    System.arraycopy(history, 0, all, 0, history.length);
    System.arraycopy(more, 0, all, history.length, more.length);
    return all;
  }

  static ScoreRecordedEvent recorded(String component, String score, Provenance by) {
    return new ScoreRecordedEvent(SESSION, "C-1", component, new BigDecimal(score), by);
  }

  static RecordScoreCommand score(String component, String score, Provenance by) {
    return new RecordScoreCommand(SESSION, "C-1", component, new BigDecimal(score), by);
  }
}
