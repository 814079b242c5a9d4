package org.examledger.flags;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.examledger.exam.CandidateNoticeReadEvent;
import org.examledger.exam.IdentityCheckedEvent;
import org.examledger.exam.IncidentRecordedEvent;
import org.examledger.exam.IncidentResolvedEvent;
import org.examledger.exam.ProhibitedItemsCheckedEvent;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.StaffAssignedEvent;
import org.examledger.exam.StaffRole;
import org.examledger.exam.StaffUnassignedEvent;

/**
 * {@code separation-of-duties}: one person is proctor and examiner, or examiner and approver, of
 * the same session. A person holds a duty when they acted in it (marks for examiner; notice,
 * identity, prohibited-items checks and incidents for proctor; locking, publishing or reopening a
 * sheet for approver) or are still assigned to it; an assignment withdrawn before any act does not
 * count. One flag per person and session, critical when the person held all three duties.
 */
final class SeparationOfDutiesRule implements FlagRule {

  static final String ID = "separation-of-duties";

  enum Duty {
    PROCTOR,
    EXAMINER,
    APPROVER
  }

  private record Key(String sessionId, String personId) {}

  /** Per duty: the first act, and the assignment currently in force. */
  private static final class Duties {
    final Map<Duty, String> acted = new EnumMap<>(Duty.class);
    final Map<Duty, String> assigned = new EnumMap<>(Duty.class);
    final Map<StaffRole, String> roles = new EnumMap<>(StaffRole.class);

    String evidence(Duty duty) {
      return acted.getOrDefault(duty, assigned.get(duty));
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    Map<Key, Duties> people = new LinkedHashMap<>();
    for (LedgerEvent event : log.events()) {
      Object p = event.payload();
      String sessionId = EventFields.string(p, "sessionId");
      if (p instanceof StaffAssignedEvent a) {
        Duties d = people.computeIfAbsent(new Key(sessionId, a.personId()), k -> new Duties());
        d.roles.put(a.role(), event.eventId());
        refreshAssignments(d);
      } else if (p instanceof StaffUnassignedEvent u) {
        Duties d = people.computeIfAbsent(new Key(sessionId, u.personId()), k -> new Duties());
        d.roles.remove(u.role());
        refreshAssignments(d);
      } else {
        Duty duty = dutyOf(p);
        if (duty != null) {
          people
              .computeIfAbsent(new Key(sessionId, event.actorId()), k -> new Duties())
              .acted
              .putIfAbsent(duty, event.eventId());
        }
      }
    }
    List<Flag> flags = new ArrayList<>();
    people.forEach(
        (key, duties) -> {
          List<Duty> held =
              List.of(Duty.values()).stream().filter(d -> duties.evidence(d) != null).toList();
          boolean conflict =
              held.contains(Duty.EXAMINER)
                  && (held.contains(Duty.PROCTOR) || held.contains(Duty.APPROVER));
          if (!conflict) {
            return;
          }
          flags.add(
              new Flag(
                  ID,
                  held.size() == Duty.values().length ? Severity.CRITICAL : Severity.WARNING,
                  FlagStatus.RAISED,
                  new FlagSubject(key.sessionId(), null, null, key.personId()),
                  held.stream().map(duties::evidence).toList(),
                  key.personId()
                      + " is "
                      + Explain.and(
                          held.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList())
                      + " of session "
                      + key.sessionId()));
        });
    return flags;
  }

  private static void refreshAssignments(Duties d) {
    d.assigned.clear();
    d.roles.forEach(
        (role, eventId) ->
            d.assigned.putIfAbsent(
                role == StaffRole.PROCTOR ? Duty.PROCTOR : Duty.EXAMINER, eventId));
  }

  private static Duty dutyOf(Object p) {
    if (Explain.isScoreEntry(p) || p instanceof ScoreCountersignedEvent) {
      return Duty.EXAMINER;
    }
    if (p instanceof CandidateNoticeReadEvent
        || p instanceof IdentityCheckedEvent
        || p instanceof IncidentRecordedEvent
        || p instanceof IncidentResolvedEvent
        || p instanceof ProhibitedItemsCheckedEvent) {
      return Duty.PROCTOR;
    }
    if (p instanceof ResultSheetLockedEvent
        || p instanceof ResultSheetPublishedEvent
        || p instanceof ResultSheetReopenedEvent) {
      return Duty.APPROVER;
    }
    return null;
  }
}
