package org.examledger.flags;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.IdentityCheckResult;
import org.examledger.exam.IdentityCheckedEvent;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;

/**
 * {@code identity-gap}: a candidate with a score but no matching identity check in that session; a
 * check that found a document mismatch; a check that found no document (cured when a later check of
 * the same candidate in the session matched); the same document (by keyed hash) checked in two
 * sessions whose scheduled times, [startsAt, endsAt], overlap by more than an instant.
 */
final class IdentityGapRule implements FlagRule {

  static final String ID = "identity-gap";

  private record Candidate(String sessionId, String candidateId) {}

  /** One document shown at one check. */
  private record Sighting(LedgerEvent check, DocumentRef document) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    Map<Candidate, LedgerEvent> firstScore = new LinkedHashMap<>();
    Map<Candidate, List<LedgerEvent>> matches = new HashMap<>();
    List<LedgerEvent> missing = new ArrayList<>();
    Map<String, SessionScheduledEvent> schedules = new HashMap<>();
    Map<String, Map<String, Sighting>> sightings = new LinkedHashMap<>();
    List<Flag> flags = new ArrayList<>();
    for (LedgerEvent event : log.events()) {
      Object p = event.payload();
      if (p instanceof SessionScheduledEvent s) {
        schedules.put(s.sessionId(), s);
      } else if (p instanceof ScoreRecordedEvent s) {
        firstScore.putIfAbsent(new Candidate(s.sessionId(), s.candidateId()), event);
      } else if (p instanceof IndependentMarkRecordedEvent s) {
        firstScore.putIfAbsent(new Candidate(s.sessionId(), s.candidateId()), event);
      } else if (p instanceof IdentityCheckedEvent c) {
        Candidate candidate = new Candidate(c.sessionId(), c.candidateId());
        if (c.result() == IdentityCheckResult.MATCH) {
          matches.computeIfAbsent(candidate, k -> new ArrayList<>()).add(event);
        } else if (c.result() == IdentityCheckResult.MISMATCH) {
          flags.add(
              flag(
                  Severity.CRITICAL,
                  FlagStatus.RAISED,
                  candidate,
                  event.actorId(),
                  List.of(event.eventId()),
                  "identity check of candidate "
                      + c.candidateId()
                      + " in session "
                      + c.sessionId()
                      + " by "
                      + event.actorId()
                      + " found a document mismatch"
                      + documents(c.documents())));
        } else {
          missing.add(event);
        }
        for (DocumentRef document :
            c.documents() == null ? List.<DocumentRef>of() : c.documents()) {
          sightings
              .computeIfAbsent(document.keyedHash(), h -> new LinkedHashMap<>())
              .putIfAbsent(c.sessionId(), new Sighting(event, document));
        }
      }
    }
    for (LedgerEvent event : missing) {
      IdentityCheckedEvent c = (IdentityCheckedEvent) event.payload();
      Candidate candidate = new Candidate(c.sessionId(), c.candidateId());
      LedgerEvent match =
          matches.getOrDefault(candidate, List.of()).stream()
              .filter(m -> log.position(m.eventId()) > log.position(event.eventId()))
              .findFirst()
              .orElse(null);
      boolean cured = match != null;
      String text =
          "candidate "
              + c.candidateId()
              + " had no identity document at the check in session "
              + c.sessionId()
              + " by "
              + event.actorId();
      flags.add(
          cured
              ? flag(
                  Severity.WARNING,
                  FlagStatus.CURED,
                  candidate,
                  event.actorId(),
                  List.of(event.eventId(), match.eventId()),
                  text + "; a later check by " + match.actorId() + " matched")
              : flag(
                  Severity.WARNING,
                  FlagStatus.RAISED,
                  candidate,
                  event.actorId(),
                  List.of(event.eventId()),
                  text));
    }
    firstScore.forEach(
        (candidate, score) -> {
          if (!matches.containsKey(candidate)) {
            flags.add(
                flag(
                    Severity.WARNING,
                    FlagStatus.RAISED,
                    candidate,
                    null,
                    List.of(score.eventId()),
                    "candidate "
                        + candidate.candidateId()
                        + " has a score in session "
                        + candidate.sessionId()
                        + " but no passed identity check there"));
          }
        });
    sightings.forEach((hash, bySession) -> overlaps(bySession, schedules, flags));
    return flags;
  }

  private static void overlaps(
      Map<String, Sighting> bySession,
      Map<String, SessionScheduledEvent> schedules,
      List<Flag> flags) {
    List<String> sessions = new ArrayList<>(bySession.keySet());
    for (int i = 0; i < sessions.size(); i++) {
      for (int j = i + 1; j < sessions.size(); j++) {
        SessionScheduledEvent a = schedules.get(sessions.get(i));
        SessionScheduledEvent b = schedules.get(sessions.get(j));
        if (a == null || b == null || !overlap(a, b)) {
          continue;
        }
        Sighting first = bySession.get(a.sessionId());
        Sighting second = bySession.get(b.sessionId());
        IdentityCheckedEvent firstCheck = (IdentityCheckedEvent) first.check().payload();
        IdentityCheckedEvent secondCheck = (IdentityCheckedEvent) second.check().payload();
        flags.add(
            new Flag(
                ID,
                Severity.CRITICAL,
                FlagStatus.RAISED,
                new FlagSubject(a.sessionId(), firstCheck.candidateId(), null, null),
                List.of(first.check().eventId(), second.check().eventId()),
                "document "
                    + first.document().type()
                    + " ending "
                    + first.document().suffix()
                    + " was checked for candidate "
                    + firstCheck.candidateId()
                    + " in session "
                    + a.sessionId()
                    + " ("
                    + a.startsAt()
                    + " to "
                    + a.endsAt()
                    + ") and for candidate "
                    + secondCheck.candidateId()
                    + " in session "
                    + b.sessionId()
                    + " ("
                    + b.startsAt()
                    + " to "
                    + b.endsAt()
                    + "), which overlap in time"));
      }
    }
  }

  /**
   * Overlap of positive length: back-to-back sessions (one ends as the next starts) are a normal
   * day for a candidate taking two papers, and do not count.
   */
  private static boolean overlap(SessionScheduledEvent a, SessionScheduledEvent b) {
    if (a.startsAt() == null || a.endsAt() == null || b.startsAt() == null || b.endsAt() == null) {
      return false;
    }
    return a.startsAt().isBefore(b.endsAt()) && b.startsAt().isBefore(a.endsAt());
  }

  private static String documents(List<DocumentRef> documents) {
    if (documents == null || documents.isEmpty()) {
      return "";
    }
    return " ("
        + Explain.and(documents.stream().map(d -> d.type() + " ending " + d.suffix()).toList())
        + ")";
  }

  private static Flag flag(
      Severity severity,
      FlagStatus status,
      Candidate candidate,
      String personId,
      List<String> ids,
      String explanation) {
    return new Flag(
        ID,
        severity,
        status,
        new FlagSubject(candidate.sessionId(), candidate.candidateId(), null, personId),
        ids,
        explanation);
  }
}
