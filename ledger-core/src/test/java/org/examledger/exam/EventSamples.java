package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.math.BigDecimal;
import java.util.List;

/** One realistic instance of every event, for the golden files and the event catalogue. */
final class EventSamples {

  private EventSamples() {}

  static List<Object> all() {
    Provenance signed =
        new Provenance(
            "examiner-07",
            "clerk-02",
            T0.plusMillis(1500),
            "{\"payloadType\":\"application/vnd.examledger.statement+json\",\"payload\":\"e30=\","
                + "\"signatures\":[{\"keyid\":\"00\",\"sig\":\"AA==\"}]}");
    BigDecimal b57 = new BigDecimal("57.5");
    return List.of(
        scheduled(),
        opened(),
        new SessionStartedEvent(
            SESSION, "R102 notice read late: proctor delayed", by("proctor-03")),
        ended(),
        new SessionCancelledEvent(SESSION, "lathes failed inspection", by("admin-01")),
        assigned("examiner-07", StaffRole.EXAMINER),
        new StaffUnassignedEvent(SESSION, "examiner-07", StaffRole.EXAMINER, by("admin-01")),
        registered("C-2026-0001"),
        noticeRead("R101"),
        new ProhibitedItemsCheckedEvent(
            SESSION, "R101", List.of("phone on desk 14"), by("proctor-03")),
        new IncidentRecordedEvent(
            SESSION,
            "INC-1",
            IncidentCategory.CANDIDATE_BEHAVIOUR,
            "notes found under the lathe",
            "C-2026-0001",
            by("proctor-03")),
        new IncidentResolvedEvent(SESSION, "INC-1", "notes confiscated", by("proctor-03")),
        new IdentityCheckedEvent(
            SESSION,
            "C-2026-0001",
            List.of(ID_CARD),
            IdentityCheckMethod.CARD_READER,
            IdentityCheckResult.MATCH,
            by("proctor-03")),
        new ScoreRecordedEvent(SESSION, "C-2026-0001", "practical", b57, signed),
        new IndependentMarkRecordedEvent(
            SESSION, "C-2026-0001", "practical", 2, new BigDecimal("55"), by("examiner-08")),
        new ScoreCorrectedEvent(
            SESSION,
            "C-2026-0001",
            "theory",
            1,
            new BigDecimal("30"),
            new BigDecimal("33"),
            CorrectionReason.ADDITION_ERROR,
            "page 3 not added",
            signed),
        new ScoreCountersignedEvent(
            SESSION,
            "0b9f3c1e-7f0a-4d7e-9c55-2f3a1c4b8e21",
            "C-2026-0001",
            "theory",
            new BigDecimal("33"),
            signed),
        new ScoreAdjudicatedEvent(
            SESSION,
            "C-2026-0001",
            "practical",
            new BigDecimal("44"),
            "re-measured",
            by("chief-01")),
        new ResultSheetSubmittedEvent(
            SESSION,
            "C-2026-0001",
            new BigDecimal("80"),
            new BigDecimal("81"),
            true,
            by("admin-01")),
        new ResultSheetLockedEvent(SESSION, "C-2026-0001", by("reviewer-02")),
        new ResultSheetReopenedEvent(
            SESSION,
            "C-2026-0001",
            "appeal upheld",
            "guidance centre letter 2026-17",
            by("admin-01")),
        new ResultSheetPublishedEvent(
            SESSION, "C-2026-0001", new BigDecimal("80"), true, by("admin-01")));
  }
}
