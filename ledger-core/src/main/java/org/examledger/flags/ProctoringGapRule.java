package org.examledger.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.examledger.exam.IncidentRecordedEvent;
import org.examledger.exam.IncidentResolvedEvent;
import org.examledger.exam.SessionEndedEvent;
import org.examledger.exam.SessionStartedEvent;

/**
 * {@code proctoring-gap}: a session started without the Candidate Notice read in every scheduled
 * room (with a recorded waiver or without one); an incident still unresolved when its session ended
 * (raised, even if resolved later), or unresolved while the session runs (pending).
 */
final class ProctoringGapRule implements FlagRule {

  static final String ID = "proctoring-gap";

  private record Incident(String sessionId, String incidentId) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    LedgerState state = new LedgerState();
    List<Flag> flags = new ArrayList<>();
    Map<Incident, LedgerEvent> recorded = new LinkedHashMap<>();
    Map<Incident, LedgerEvent> endedOpen = new LinkedHashMap<>();
    Map<Incident, LedgerEvent> resolvedLate = new LinkedHashMap<>();
    for (LedgerEvent event : log.events()) {
      Object p = event.payload();
      if (p instanceof SessionStartedEvent s) {
        started(event, s, state.session(s.sessionId()), flags);
      } else if (p instanceof SessionEndedEvent e) {
        state.session(e.sessionId()).openIncidents.keySet().stream()
            .map(id -> new Incident(e.sessionId(), id))
            .forEach(incident -> endedOpen.putIfAbsent(incident, event));
      } else if (p instanceof IncidentRecordedEvent r) {
        recorded.putIfAbsent(new Incident(r.sessionId(), r.incidentId()), event);
      } else if (p instanceof IncidentResolvedEvent r) {
        Incident incident = new Incident(r.sessionId(), r.incidentId());
        if (endedOpen.containsKey(incident)) {
          resolvedLate.putIfAbsent(incident, event);
        }
      }
      state.apply(event);
    }
    endedOpen.forEach(
        (incident, end) -> {
          LedgerEvent record = recorded.get(incident);
          LedgerEvent late = resolvedLate.get(incident);
          List<String> ids = new ArrayList<>();
          if (record != null) {
            ids.add(record.eventId());
          }
          ids.add(end.eventId());
          if (late != null) {
            ids.add(late.eventId());
          }
          flags.add(
              incidentFlag(
                  FlagStatus.RAISED,
                  incident,
                  record,
                  ids,
                  " was unresolved when the session ended"
                      + (late == null ? "" : "; resolved only afterwards by " + late.actorId())));
        });
    state
        .sessions()
        .values()
        .forEach(
            session ->
                session.openIncidents.forEach(
                    (incidentId, recordId) -> {
                      Incident incident = new Incident(session.sessionId, incidentId);
                      if (endedOpen.containsKey(incident)) {
                        return;
                      }
                      LedgerEvent record = recorded.get(incident);
                      flags.add(
                          session.ended
                              ? incidentFlag(
                                  FlagStatus.RAISED,
                                  incident,
                                  record,
                                  List.of(recordId),
                                  " was recorded after the session ended and is unresolved")
                              : incidentFlag(
                                  FlagStatus.PENDING,
                                  incident,
                                  record,
                                  List.of(recordId),
                                  " is unresolved; the session has not ended"));
                    }));
    return flags;
  }

  private static void started(
      LedgerEvent event, SessionStartedEvent s, LedgerState.Session session, List<Flag> flags) {
    List<String> missing =
        session.schedule == null
            ? List.of()
            : session.schedule.rooms().stream()
                .filter(room -> !session.noticeReadIn.contains(room))
                .toList();
    boolean waived = s.noticeWaivedReason() != null;
    if (!waived && missing.isEmpty()) {
      return;
    }
    String where =
        missing.isEmpty()
            ? ""
            : " in room" + (missing.size() == 1 ? " " : "s ") + Explain.and(missing);
    flags.add(
        new Flag(
            ID,
            Severity.WARNING,
            FlagStatus.RAISED,
            new FlagSubject(s.sessionId(), null, null, event.actorId()),
            List.of(event.eventId()),
            "session "
                + s.sessionId()
                + " started by "
                + event.actorId()
                + " without the Candidate Notice read"
                + where
                + (waived ? "; waived: " + s.noticeWaivedReason() : "; no waiver recorded")));
  }

  private static Flag incidentFlag(
      FlagStatus status, Incident incident, LedgerEvent record, List<String> ids, String what) {
    String description =
        "incident " + incident.incidentId() + " in session " + incident.sessionId();
    String candidateId = null;
    String personId = null;
    if (record != null && record.payload() instanceof IncidentRecordedEvent r) {
      description += " (" + r.category() + ", recorded by " + record.actorId() + ")";
      candidateId = r.candidateId();
      personId = record.actorId();
    }
    return new Flag(
        ID,
        Severity.WARNING,
        status,
        new FlagSubject(incident.sessionId(), candidateId, null, personId),
        ids,
        description + what);
  }
}
