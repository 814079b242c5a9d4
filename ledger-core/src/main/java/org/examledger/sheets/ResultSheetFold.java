package org.examledger.sheets;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.DoubleMarkingPolicy;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.exam.SheetStatus;
import org.examledger.sheets.ResultSheetView.ComponentScoreView;
import org.examledger.sheets.ResultSheetView.Outcome;

/**
 * The result sheets computed in memory from a stream of events: the same answers as the server's
 * projection ({@code ResultSheetProjection} in module projections; a property test holds them
 * equal), without a database. Used for a sheet "as of" a past moment or log size, and by replay
 * tools that read events from an evidence bundle. Feed events in ledger order; anything that is not
 * a result-sheet event is ignored.
 */
public final class ResultSheetFold {

  private final Map<String, Session> sessions = new HashMap<>();

  private static final class Session {
    final SessionScheduledEvent scheduled;
    final Map<String, Sheet> sheets = new TreeMap<>();

    Session(SessionScheduledEvent scheduled) {
      this.scheduled = scheduled;
    }
  }

  private static final class Sheet {
    SheetStatus status = SheetStatus.OPEN;
    final Map<String, Component> components = new LinkedHashMap<>();
  }

  private static final class Mark {
    BigDecimal score;
    boolean signed;
    String entryEventId;
    final String actorId;
    final String submitterId;

    Mark(BigDecimal score, boolean signed, String entryEventId, String actor, String submitter) {
      this.score = score;
      this.signed = signed;
      this.entryEventId = entryEventId;
      this.actorId = actor;
      this.submitterId = submitter;
    }
  }

  private static final class Component {
    final TreeMap<Integer, Mark> marks = new TreeMap<>();
    BigDecimal adjudicated;
  }

  /** Applies one event (ignored unless it is a result-sheet event of a known session). */
  public void apply(String eventId, Object event) {
    if (event instanceof SessionScheduledEvent e) {
      sessions.putIfAbsent(e.sessionId(), new Session(e));
    } else if (event instanceof CandidateRegisteredEvent e) {
      session(e.sessionId()).ifPresent(s -> s.sheets.putIfAbsent(e.candidateId(), new Sheet()));
    } else if (event instanceof ScoreRecordedEvent e) {
      component(e.sessionId(), e.candidateId(), e.componentId())
          .ifPresent(
              c ->
                  c.marks.put(
                      1,
                      new Mark(
                          e.score(),
                          e.provenance().signed(),
                          eventId,
                          e.provenance().actorId(),
                          e.provenance().submitterId())));
    } else if (event instanceof IndependentMarkRecordedEvent e) {
      component(e.sessionId(), e.candidateId(), e.componentId())
          .ifPresent(
              c ->
                  c.marks.put(
                      e.markNumber(),
                      new Mark(
                          e.score(),
                          e.provenance().signed(),
                          eventId,
                          e.provenance().actorId(),
                          e.provenance().submitterId())));
    } else if (event instanceof ScoreCorrectedEvent e) {
      component(e.sessionId(), e.candidateId(), e.componentId())
          .map(c -> c.marks.get(Math.max(1, e.markNumber())))
          .ifPresent(
              m -> {
                m.score = e.newScore();
                m.signed = e.provenance().signed();
                m.entryEventId = eventId;
              });
    } else if (event instanceof ScoreCountersignedEvent e) {
      component(e.sessionId(), e.candidateId(), e.componentId())
          .ifPresent(
              c ->
                  c.marks.values().stream()
                      .filter(m -> e.countersignedEventId().equals(m.entryEventId))
                      .forEach(m -> m.signed = true));
    } else if (event instanceof ScoreAdjudicatedEvent e) {
      component(e.sessionId(), e.candidateId(), e.componentId())
          .ifPresent(c -> c.adjudicated = e.score());
    } else if (event instanceof ResultSheetSubmittedEvent e) {
      status(e.sessionId(), e.candidateId(), SheetStatus.SUBMITTED);
    } else if (event instanceof ResultSheetLockedEvent e) {
      status(e.sessionId(), e.candidateId(), SheetStatus.LOCKED);
    } else if (event instanceof ResultSheetReopenedEvent e) {
      status(e.sessionId(), e.candidateId(), SheetStatus.OPEN);
    } else if (event instanceof ResultSheetPublishedEvent e) {
      status(e.sessionId(), e.candidateId(), SheetStatus.PUBLISHED);
    }
  }

  public Optional<ResultSheetView> sheet(String sessionId, String candidateId) {
    return session(sessionId)
        .flatMap(
            s ->
                Optional.ofNullable(s.sheets.get(candidateId)).map(sh -> view(s, candidateId, sh)));
  }

  /** Every sheet, by session then candidate. */
  public List<ResultSheetView> sheets() {
    List<ResultSheetView> all = new ArrayList<>();
    new TreeMap<>(sessions)
        .values()
        .forEach(s -> s.sheets.forEach((candidate, sh) -> all.add(view(s, candidate, sh))));
    return all;
  }

  private static ResultSheetView view(Session s, String candidateId, Sheet sheet) {
    List<ComponentScoreView> components = new ArrayList<>();
    for (ScoreComponent c : s.scheduled.components()) {
      Component state = sheet.components.get(c.componentId());
      components.add(component(c, state));
    }
    BigDecimal total =
        components.stream()
            .map(ComponentScoreView::score)
            .filter(v -> v != null)
            .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal passMark = normalized(s.scheduled.passMark());
    Outcome outcome =
        components.stream().anyMatch(c -> c.score() == null)
            ? Outcome.INCOMPLETE
            : total.compareTo(passMark) >= 0 ? Outcome.PASS : Outcome.FAIL;
    return new ResultSheetView(
        s.scheduled.sessionId(),
        candidateId,
        s.scheduled.occupation(),
        passMark,
        components,
        normalized(total),
        outcome,
        sheet.status);
  }

  private static ComponentScoreView component(ScoreComponent c, Component state) {
    Mark first = state == null ? null : state.marks.get(1);
    List<BigDecimal> marks = new ArrayList<>();
    boolean signed = first != null && first.signed;
    if (first != null) {
      for (Mark m : state.marks.values()) {
        marks.add(normalized(m.score));
        if (m != first) {
          signed &= m.signed;
        }
      }
    }
    BigDecimal adjudicated = state == null ? null : normalized(state.adjudicated);
    BigDecimal finalScore =
        DoubleMarkingPolicy.finalScore(marks, c.doubleMarkingTolerance(), adjudicated)
            .map(ResultSheetFold::normalized)
            .orElse(null);
    return new ComponentScoreView(
        c.componentId(),
        c.name(),
        normalized(c.maxScore()),
        finalScore,
        first == null ? null : first.actorId,
        first == null ? null : first.submitterId,
        first == null ? null : signed,
        List.copyOf(marks),
        adjudicated);
  }

  private Optional<Session> session(String sessionId) {
    return Optional.ofNullable(sessions.get(sessionId));
  }

  private Optional<Component> component(String sessionId, String candidateId, String componentId) {
    return session(sessionId)
        .map(s -> s.sheets.get(candidateId))
        .map(sh -> sh.components.computeIfAbsent(componentId, k -> new Component()));
  }

  private void status(String sessionId, String candidateId, SheetStatus status) {
    session(sessionId).map(s -> s.sheets.get(candidateId)).ifPresent(sh -> sh.status = status);
  }

  /** As the projection shows them: 57.50 as 57.5, 60.00 as 60. */
  static BigDecimal normalized(BigDecimal value) {
    if (value == null) {
      return null;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
  }
}
