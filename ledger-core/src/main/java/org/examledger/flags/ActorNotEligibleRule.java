package org.examledger.flags;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.examledger.exam.CandidateNoticeReadEvent;
import org.examledger.exam.IdentityCheckedEvent;
import org.examledger.exam.IncidentRecordedEvent;
import org.examledger.exam.IncidentResolvedEvent;
import org.examledger.exam.ProhibitedItemsCheckedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.StaffRole;
import org.examledger.exam.SuspendedActorStatementRecordedEvent;

/**
 * {@code actor-not-eligible}: a suspended person's statement kept as evidence; a score or check by
 * someone who, at that moment, was not assigned to the session in a role that may make it (marks:
 * examiner or chief examiner; adjudications: chief examiner; notice, identity, prohibited-items
 * checks and incidents: proctor), or who was suspended by a sanction recorded before it.
 */
final class ActorNotEligibleRule implements FlagRule {

  static final String ID = "actor-not-eligible";

  private static final Set<StaffRole> MARKERS =
      EnumSet.of(StaffRole.EXAMINER, StaffRole.CHIEF_EXAMINER);

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    LedgerState state = new LedgerState();
    List<Flag> flags = new ArrayList<>();
    for (LedgerEvent event : log.events()) {
      Object p = event.payload();
      String actor = event.actorId();
      String sessionId = EventFields.string(p, "sessionId");
      if (p instanceof SuspendedActorStatementRecordedEvent s) {
        flags.add(
            flag(
                event,
                "suspended person "
                    + actor
                    + " signed a "
                    + s.statementType()
                    + " statement about session "
                    + s.sessionId()
                    + "; kept as evidence, without effect"));
      } else {
        Set<StaffRole> required = requiredRoles(p);
        if (!required.isEmpty()) {
          String act = describe(event);
          Set<StaffRole> held = state.session(sessionId).rolesOf(actor);
          if (Collections.disjoint(held, required)) {
            flags.add(
                flag(
                    event,
                    act
                        + ", but "
                        + actor
                        + " was not assigned to session "
                        + sessionId
                        + " as "
                        + required.stream()
                            .map(r -> r.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                            .collect(Collectors.joining(" or "))
                        + " at the time"));
          } else {
            state
                .suspension(actor, event.receivedAt())
                .ifPresent(
                    sanction ->
                        flags.add(
                            flag(
                                event,
                                List.of(sanction, event.eventId()),
                                act + ", while " + actor + " was suspended")));
          }
        }
      }
      state.apply(event);
    }
    return flags;
  }

  private static Flag flag(LedgerEvent event, String explanation) {
    return flag(event, List.of(event.eventId()), explanation);
  }

  private static Flag flag(LedgerEvent event, List<String> eventIds, String explanation) {
    Object p = event.payload();
    return new Flag(
        ID,
        Severity.CRITICAL,
        FlagStatus.RAISED,
        new FlagSubject(
            EventFields.string(p, "sessionId"),
            EventFields.string(p, "candidateId"),
            EventFields.string(p, "componentId"),
            event.actorId()),
        eventIds,
        explanation);
  }

  private static Set<StaffRole> requiredRoles(Object p) {
    if (p instanceof ScoreAdjudicatedEvent) {
      return EnumSet.of(StaffRole.CHIEF_EXAMINER);
    }
    if (Explain.isScoreEntry(p) || p instanceof ScoreCountersignedEvent) {
      return MARKERS;
    }
    if (p instanceof CandidateNoticeReadEvent
        || p instanceof IdentityCheckedEvent
        || p instanceof IncidentRecordedEvent
        || p instanceof IncidentResolvedEvent
        || p instanceof ProhibitedItemsCheckedEvent) {
      return EnumSet.of(StaffRole.PROCTOR);
    }
    return Set.of();
  }

  private static String describe(LedgerEvent event) {
    Object p = event.payload();
    String actor = event.actorId();
    String entry = Explain.scoreEntry(p, actor);
    if (entry != null) {
      return entry;
    }
    if (p instanceof CandidateNoticeReadEvent e) {
      return "Candidate Notice read in room " + e.room() + " by " + actor;
    }
    if (p instanceof IdentityCheckedEvent e) {
      return "identity of candidate " + e.candidateId() + " checked by " + actor;
    }
    if (p instanceof IncidentRecordedEvent e) {
      return "incident " + e.incidentId() + " recorded by " + actor;
    }
    if (p instanceof IncidentResolvedEvent e) {
      return "incident " + e.incidentId() + " resolved by " + actor;
    }
    if (p instanceof ProhibitedItemsCheckedEvent e) {
      return "prohibited items checked in room " + e.room() + " by " + actor;
    }
    return event.type() + " " + event.eventId() + " by " + actor;
  }
}
