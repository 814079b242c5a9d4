package org.examledger.flags;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.examledger.complaints.RespondentReinstatedEvent;
import org.examledger.complaints.RespondentSuspendedEvent;
import org.examledger.complaints.SanctionRescindedEvent;
import org.examledger.exam.CandidateNoticeReadEvent;
import org.examledger.exam.DoubleMarkingPolicy;
import org.examledger.exam.IncidentRecordedEvent;
import org.examledger.exam.IncidentResolvedEvent;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionEndedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.SessionStartedEvent;
import org.examledger.exam.SheetStatus;
import org.examledger.exam.StaffAssignedEvent;
import org.examledger.exam.StaffRole;
import org.examledger.exam.StaffUnassignedEvent;

/**
 * What the events said so far, replayed one event at a time: sessions with their staff, rooms and
 * sheets, and the suspensions of the complaint workflow. Unlike the aggregate it refuses nothing:
 * the engine must also read replayed or foreign data that the aggregate would have refused, so an
 * event about an unknown session or sheet creates it, and an impossible one changes nothing.
 */
final class LedgerState {

  /** One examiner's mark: its current value and the event that set it. */
  record Mark(String examinerId, BigDecimal value, String entryEventId) {}

  /** The marks of one component on one sheet. */
  static final class Marks {
    final ScoreComponent component;
    final List<Mark> marks = new ArrayList<>();
    BigDecimal adjudicated;

    Marks(ScoreComponent component) {
      this.component = component;
    }

    BigDecimal tolerance() {
      return component == null ? null : component.doubleMarkingTolerance();
    }

    /** The final score as the aggregate computes it ({@link DoubleMarkingPolicy}). */
    Optional<BigDecimal> finalScore() {
      return DoubleMarkingPolicy.finalScore(
          marks.stream().map(Mark::value).toList(), tolerance(), adjudicated);
    }

    /** Two marks of a double-marked component further apart than its tolerance. */
    boolean diverging() {
      return tolerance() != null
          && marks.size() == 2
          && adjudicated == null
          && marks.get(0).value().subtract(marks.get(1).value()).abs().compareTo(tolerance()) > 0;
    }
  }

  /** One candidate's sheet. */
  static final class Sheet {
    SheetStatus status = SheetStatus.OPEN;

    /** The event that put the sheet in its status, or null while it was never closed. */
    String statusEventId;

    final Map<String, Marks> components = new LinkedHashMap<>();
  }

  /** One session. */
  static final class Session {
    final String sessionId;
    SessionScheduledEvent schedule;
    boolean started;
    boolean ended;
    final Map<String, Set<StaffRole>> staff = new LinkedHashMap<>();
    final Set<String> noticeReadIn = new LinkedHashSet<>();
    final Map<String, Sheet> sheets = new LinkedHashMap<>();

    /** Incident id to the id of the event that recorded it, while unresolved. */
    final Map<String, String> openIncidents = new LinkedHashMap<>();

    Session(String sessionId) {
      this.sessionId = sessionId;
    }

    BigDecimal passMark() {
      return schedule == null ? null : schedule.passMark();
    }

    Set<StaffRole> rolesOf(String personId) {
      return staff.getOrDefault(personId, Set.of());
    }

    Sheet sheet(String candidateId) {
      return sheets.computeIfAbsent(candidateId, c -> newSheet());
    }

    Marks marks(String candidateId, String componentId) {
      return sheet(candidateId).components.computeIfAbsent(componentId, c -> new Marks(null));
    }

    /** The sum of the final component scores, when every scheduled component has one. */
    Optional<BigDecimal> total(String candidateId) {
      if (schedule == null || schedule.components().isEmpty()) {
        return Optional.empty();
      }
      Sheet sheet = sheet(candidateId);
      BigDecimal sum = BigDecimal.ZERO;
      for (ScoreComponent component : schedule.components()) {
        Marks marks = sheet.components.get(component.componentId());
        Optional<BigDecimal> score = marks == null ? Optional.empty() : marks.finalScore();
        if (score.isEmpty()) {
          return Optional.empty();
        }
        sum = sum.add(score.get());
      }
      return Optional.of(sum);
    }

    private Sheet newSheet() {
      Sheet sheet = new Sheet();
      if (schedule != null) {
        schedule.components().forEach(c -> sheet.components.put(c.componentId(), new Marks(c)));
      }
      return sheet;
    }
  }

  /** A sanction barring a person from {@code from} until {@code until} (open-ended when null). */
  private record Suspension(String personId, Instant from, Instant until, String eventId) {}

  private final Map<String, Session> sessions = new LinkedHashMap<>();
  private final Map<String, Suspension> suspensions = new LinkedHashMap<>();

  Session session(String sessionId) {
    return sessions.computeIfAbsent(sessionId, Session::new);
  }

  Map<String, Session> sessions() {
    return sessions;
  }

  /** The event of a sanction recorded so far that bars the person at that moment, if any. */
  Optional<String> suspension(String personId, Instant at) {
    return suspensions.values().stream()
        .filter(
            s ->
                s.personId().equals(personId)
                    && !at.isBefore(s.from())
                    && (s.until() == null || at.isBefore(s.until())))
        .map(Suspension::eventId)
        .findFirst();
  }

  void apply(LedgerEvent event) {
    Object p = event.payload();
    String actor = event.actorId();
    if (p instanceof SessionScheduledEvent e) {
      Session session = session(e.sessionId());
      session.schedule = e;
      session.sheets.values().forEach(sheet -> addComponents(sheet, e.components()));
    } else if (p instanceof SessionStartedEvent e) {
      session(e.sessionId()).started = true;
    } else if (p instanceof SessionEndedEvent e) {
      session(e.sessionId()).ended = true;
    } else if (p instanceof StaffAssignedEvent e) {
      session(e.sessionId())
          .staff
          .computeIfAbsent(e.personId(), x -> EnumSet.noneOf(StaffRole.class))
          .add(e.role());
    } else if (p instanceof StaffUnassignedEvent e) {
      Set<StaffRole> roles = session(e.sessionId()).staff.get(e.personId());
      if (roles != null) {
        roles.remove(e.role());
      }
    } else if (p instanceof CandidateNoticeReadEvent e) {
      session(e.sessionId()).noticeReadIn.add(e.room());
    } else if (p instanceof IncidentRecordedEvent e) {
      session(e.sessionId()).openIncidents.put(e.incidentId(), event.eventId());
    } else if (p instanceof IncidentResolvedEvent e) {
      session(e.sessionId()).openIncidents.remove(e.incidentId());
    } else if (p instanceof ScoreRecordedEvent e) {
      session(e.sessionId())
          .marks(e.candidateId(), e.componentId())
          .marks
          .add(new Mark(actor, e.score(), event.eventId()));
    } else if (p instanceof IndependentMarkRecordedEvent e) {
      session(e.sessionId())
          .marks(e.candidateId(), e.componentId())
          .marks
          .add(new Mark(actor, e.score(), event.eventId()));
    } else if (p instanceof ScoreCorrectedEvent e) {
      List<Mark> marks = session(e.sessionId()).marks(e.candidateId(), e.componentId()).marks;
      int index = e.markNumber() - 1;
      if (index >= 0 && index < marks.size()) {
        marks.set(index, new Mark(marks.get(index).examinerId(), e.newScore(), event.eventId()));
      }
    } else if (p instanceof ScoreAdjudicatedEvent e) {
      session(e.sessionId()).marks(e.candidateId(), e.componentId()).adjudicated = e.score();
    } else if (p instanceof ResultSheetSubmittedEvent e) {
      close(session(e.sessionId()).sheet(e.candidateId()), SheetStatus.SUBMITTED, event);
    } else if (p instanceof ResultSheetLockedEvent e) {
      close(session(e.sessionId()).sheet(e.candidateId()), SheetStatus.LOCKED, event);
    } else if (p instanceof ResultSheetPublishedEvent e) {
      close(session(e.sessionId()).sheet(e.candidateId()), SheetStatus.PUBLISHED, event);
    } else if (p instanceof ResultSheetReopenedEvent e) {
      // Only a signed reopen is an authorised one; an unsigned or forged reopen reopens nothing.
      if (event.signature().valid()) {
        close(session(e.sessionId()).sheet(e.candidateId()), SheetStatus.OPEN, event);
      }
    } else if (p instanceof RespondentSuspendedEvent e) {
      suspensions.put(
          e.complaintId(), new Suspension(e.personId(), e.suspendedFrom(), null, event.eventId()));
    } else if (p instanceof RespondentReinstatedEvent e) {
      end(e.complaintId(), e.reinstatedAt());
    } else if (p instanceof SanctionRescindedEvent e) {
      end(e.complaintId(), e.rescindedAt());
    }
  }

  private static void close(Sheet sheet, SheetStatus status, LedgerEvent event) {
    sheet.status = status;
    sheet.statusEventId = event.eventId();
  }

  private void end(String complaintId, Instant at) {
    Suspension s = suspensions.get(complaintId);
    if (s != null) {
      suspensions.put(complaintId, new Suspension(s.personId(), s.from(), at, s.eventId()));
    }
  }

  private static void addComponents(Sheet sheet, List<ScoreComponent> components) {
    Map<String, Marks> replaced = new LinkedHashMap<>();
    for (ScoreComponent c : components) {
      Marks old = sheet.components.get(c.componentId());
      Marks marks = new Marks(c);
      if (old != null) {
        marks.marks.addAll(old.marks);
        marks.adjudicated = old.adjudicated;
      }
      replaced.put(c.componentId(), marks);
    }
    sheet.components.forEach(replaced::putIfAbsent);
    sheet.components.clear();
    sheet.components.putAll(replaced);
  }
}
