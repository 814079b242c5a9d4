package org.examledger.exam;

import static org.examledger.exam.Given.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.examledger.complaints.ApprovalLevel;
import org.examledger.complaints.ComplaintChannel;
import org.examledger.complaints.ComplaintDecidedEvent;
import org.examledger.complaints.ComplaintFiledEvent;
import org.examledger.complaints.ComplaintOutcome;
import org.examledger.complaints.ComplaintReferredEvent;
import org.examledger.complaints.ComplaintReopenedEvent;
import org.examledger.complaints.EvidenceKind;
import org.examledger.complaints.EvidenceLinkedEvent;
import org.examledger.complaints.InvestigatorAssignedEvent;
import org.examledger.complaints.ReinstatementApprovedEvent;
import org.examledger.complaints.RespondentReinstatedEvent;
import org.examledger.complaints.RespondentRole;
import org.examledger.complaints.RespondentSuspendedEvent;
import org.examledger.complaints.SanctionRescindedEvent;
import org.examledger.complaints.SelfCriticismSubmittedEvent;
import org.examledger.complaints.SuspensionPeriodEndedEvent;
import org.examledger.keys.ActorRole;
import org.examledger.reviews.FlagAcknowledgedEvent;
import org.examledger.reviews.FlagResolution;
import org.examledger.reviews.FlagResolvedEvent;

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
    List<Object> all = new ArrayList<>();
    all.addAll(
        List.of(
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
                SESSION, "C-2026-0001", new BigDecimal("80"), true, by("admin-01")),
            new SuspendedActorStatementRecordedEvent(
                SESSION, "exam.score.record/v1", "5d".repeat(32), signed)));
    all.addAll(complaints(signed));
    all.add(
        new FlagAcknowledgedEvent(
            "unsigned-change:0b9f3c1e-7f0a-4d7e-9c55-2f3a1c4b8e21",
            "asked the clerk for the paper sheet",
            by("supervisor-01")));
    all.add(
        new FlagResolvedEvent(
            "unsigned-change:0b9f3c1e-7f0a-4d7e-9c55-2f3a1c4b8e21",
            FlagResolution.EXPLAINED,
            "the paper sheet carries the examiner's signature",
            by("supervisor-01")));
    return all;
  }

  private static List<Object> complaints(Provenance signed) {
    String c = "CPL-2026-0007";
    Instant decided = T0.plus(Duration.ofDays(20));
    Instant until = Instant.parse("2027-01-03T01:00:00Z");
    return List.of(
        new ComplaintFiledEvent(
            c,
            "examiner-07",
            RespondentRole.EXAMINER,
            SESSION,
            "C-2026-0001",
            ComplaintChannel.THROUGH_STATION,
            "candidate reports the practical score was lowered after an argument",
            by("clerk-02")),
        new InvestigatorAssignedEvent(c, "supervisor-01", by("supervisor-01")),
        new EvidenceLinkedEvent(
            c,
            EvidenceKind.LEDGER_EVENT,
            "0b9f3c1e-7f0a-4d7e-9c55-2f3a1c4b8e21",
            "the correction the candidate disputes",
            by("supervisor-01")),
        new ComplaintReferredEvent(
            c, "provincial guidance centre", "pattern across two sessions", by("supervisor-01")),
        new ComplaintDecidedEvent(
            c,
            ComplaintOutcome.VERIFIED,
            "correction unsupported by the paper",
            by("supervisor-01")),
        new ComplaintReopenedEvent(c, "examiner produced the marking notes", by("supervisor-02")),
        new RespondentSuspendedEvent(
            c,
            "examiner-07",
            decided,
            until,
            ActorRole.STATION_ADMIN,
            ActorRole.SUPERVISOR,
            by("supervisor-01")),
        new SuspensionPeriodEndedEvent(
            c, "examiner-07", until, new Provenance("ledger", "ledger", until, null)),
        new SelfCriticismSubmittedEvent(
            c, "examiner-07", "7f".repeat(32), "I changed the score without signing", signed),
        new ReinstatementApprovedEvent(
            c, "examiner-07", ApprovalLevel.STATION, "retrained on marking rules", by("admin-01")),
        new RespondentReinstatedEvent(
            c, "examiner-07", until.plusSeconds(86400), by("supervisor-01")),
        new SanctionRescindedEvent(
            c, "examiner-07", decided.plusSeconds(3600), by("supervisor-01")));
  }
}
