package org.examledger.exam;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * An exam session and the result sheets of its candidates. It decides whether a schedule,
 * registration or score is allowed; the event-sourcing handlers only assign.
 */
public class ExamSession {

  /** Identifiers travel in URLs, file names and signed statements: keep them plain. */
  static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  /** Scores are given to at most two decimal places (half points and quarter points occur). */
  static final int MAX_SCORE_SCALE = 2;

  @AggregateIdentifier private String sessionId;
  private final Map<String, BigDecimal> maxScoreByComponent = new HashMap<>();
  private final Set<String> candidates = new HashSet<>();
  private final Set<String> scoredComponents = new HashSet<>();
  private final Map<String, UnsignedScore> unsignedScores = new HashMap<>();

  /** Identifier of the event applied last; a command handler returns it to its caller. */
  private transient String lastEventId;

  private record UnsignedScore(
      String candidateId, String componentId, BigDecimal score, String actorId) {}

  protected ExamSession() {
    // required by Axon to rebuild the aggregate from its events
  }

  @CommandHandler
  public ExamSession(ScheduleSessionCommand command) {
    requireIdentifier("sessionId", command.sessionId());
    requireText("occupation", command.occupation());
    if (command.level() < 1 || command.level() > 5) {
      throw new ExamRuleViolation(
          "level-out-of-range",
          "level",
          "level must be 1 (highest) to 5 (entry); was " + command.level());
    }
    if (command.examType() == null) {
      throw new ExamRuleViolation("missing-field", "examType", "examType is required");
    }
    requireProvenance(command.provenance());
    if (command.components() == null || command.components().isEmpty()) {
      throw new ExamRuleViolation(
          "no-score-components", "components", "a session needs at least one score component");
    }
    Set<String> seen = new HashSet<>();
    BigDecimal maxTotal = BigDecimal.ZERO;
    for (int i = 0; i < command.components().size(); i++) {
      ScoreComponent component = command.components().get(i);
      String field = "components[" + i + "]";
      if (component == null) {
        throw new ExamRuleViolation("missing-field", field, field + " is required");
      }
      requireIdentifier(field + ".componentId", component.componentId());
      requireText(field + ".name", component.name());
      if (!seen.add(component.componentId())) {
        throw new ExamRuleViolation(
            "duplicate-component",
            field + ".componentId",
            "component '" + component.componentId() + "' is listed twice");
      }
      if (component.maxScore() == null || component.maxScore().signum() <= 0) {
        throw new ExamRuleViolation(
            "max-score-not-positive",
            field + ".maxScore",
            "maxScore of component '" + component.componentId() + "' must be greater than 0");
      }
      maxTotal = maxTotal.add(component.maxScore());
    }
    if (command.passMark() == null
        || command.passMark().signum() <= 0
        || command.passMark().compareTo(maxTotal) > 0) {
      throw new ExamRuleViolation(
          "pass-mark-out-of-range",
          "passMark",
          "passMark must be greater than 0 and at most the sum of the components' maxima ("
              + maxTotal.toPlainString()
              + "); was "
              + (command.passMark() == null ? "missing" : command.passMark().toPlainString()));
    }
    if (command.startsAt() == null || command.endsAt() == null) {
      throw new ExamRuleViolation(
          "missing-field",
          command.startsAt() == null ? "startsAt" : "endsAt",
          "a session needs both startsAt and endsAt");
    }
    if (!command.endsAt().isAfter(command.startsAt())) {
      throw new ExamRuleViolation(
          "session-ends-before-start",
          "endsAt",
          "endsAt (" + command.endsAt() + ") must be after startsAt (" + command.startsAt() + ")");
    }
    apply(
        new SessionScheduledEvent(
            command.sessionId(),
            command.occupation(),
            command.level(),
            command.examType(),
            command.passMark(),
            command.components(),
            command.startsAt(),
            command.endsAt(),
            command.provenance()));
  }

  @CommandHandler
  public void handle(RegisterCandidateCommand command) {
    requireIdentifier("candidateId", command.candidateId());
    requireProvenance(command.provenance());
    if (candidates.contains(command.candidateId())) {
      throw new ExamRuleViolation(
          "candidate-already-registered",
          "candidateId",
          "candidate '"
              + command.candidateId()
              + "' is already registered for session '"
              + sessionId
              + "'");
    }
    apply(new CandidateRegisteredEvent(sessionId, command.candidateId(), command.provenance()));
  }

  /**
   * Records a first score.
   *
   * @return the identifier of the stored event, by which a countersignature refers to it
   */
  @CommandHandler
  public String handle(RecordScoreCommand command) {
    requireProvenance(command.provenance());
    if (!candidates.contains(command.candidateId())) {
      throw new ExamRuleViolation(
          "candidate-not-registered",
          "candidateId",
          "candidate '"
              + command.candidateId()
              + "' is not registered for session '"
              + sessionId
              + "'");
    }
    BigDecimal max = maxScoreByComponent.get(command.componentId());
    if (max == null) {
      throw new ExamRuleViolation(
          "unknown-component",
          "componentId",
          "session '"
              + sessionId
              + "' has no score component '"
              + command.componentId()
              + "'; it has "
              + maxScoreByComponent.keySet().stream().sorted().toList());
    }
    BigDecimal score = command.score();
    if (score == null) {
      throw new ExamRuleViolation("missing-field", "score", "score is required");
    }
    if (score.signum() < 0) {
      throw new ExamRuleViolation(
          "score-negative", "score", "score must not be negative; was " + score.toPlainString());
    }
    if (score.compareTo(max) > 0) {
      throw new ExamRuleViolation(
          "score-above-maximum",
          "score",
          "score "
              + score.toPlainString()
              + " is above the maximum "
              + max.toPlainString()
              + " of component '"
              + command.componentId()
              + "'");
    }
    if (score.stripTrailingZeros().scale() > MAX_SCORE_SCALE) {
      throw new ExamRuleViolation(
          "score-too-precise",
          "score",
          "score may have at most " + MAX_SCORE_SCALE + " decimal places; was " + score);
    }
    if (scoredComponents.contains(sheetKey(command.candidateId(), command.componentId()))) {
      throw new ExamRuleViolation(
          "score-already-recorded",
          "componentId",
          "a score for component '"
              + command.componentId()
              + "' of candidate '"
              + command.candidateId()
              + "' is already recorded; a change must be a correction with a reason");
    }
    apply(
        new ScoreRecordedEvent(
            sessionId, command.candidateId(), command.componentId(), score, command.provenance()));
    return lastEventId;
  }

  /**
   * The examiner named on an unsigned (transcribed) score entry confirms it with their signature.
   * The statement repeats candidate, component and score, so the examiner signs the values, not
   * only an identifier they cannot read.
   */
  @CommandHandler
  public String handle(CountersignScoreCommand command) {
    requireProvenance(command.provenance());
    if (!command.provenance().signed()) {
      throw new ExamRuleViolation(
          "countersign-unsigned", null, "a countersignature must itself be signed");
    }
    UnsignedScore entry = unsignedScores.get(command.eventId());
    if (entry == null) {
      throw new ExamRuleViolation(
          "unknown-unsigned-entry",
          "eventId",
          "session '"
              + sessionId
              + "' has no unsigned, not yet countersigned score entry with event id '"
              + command.eventId()
              + "'");
    }
    if (!entry.candidateId().equals(command.candidateId())
        || !entry.componentId().equals(command.componentId())
        || command.score() == null
        || entry.score().compareTo(command.score()) != 0) {
      throw new ExamRuleViolation(
          "countersign-mismatch",
          "score",
          "the countersignature names candidate '"
              + command.candidateId()
              + "', component '"
              + command.componentId()
              + "', score "
              + (command.score() == null ? "missing" : command.score().toPlainString())
              + "; the entry has '"
              + entry.candidateId()
              + "', '"
              + entry.componentId()
              + "', "
              + entry.score().toPlainString());
    }
    if (!entry.actorId().equals(command.provenance().actorId())) {
      throw new ExamRuleViolation(
          "countersign-wrong-actor",
          "actor",
          "the entry names '"
              + entry.actorId()
              + "' as its examiner; '"
              + command.provenance().actorId()
              + "' may not countersign it");
    }
    apply(
        new ScoreCountersignedEvent(
            sessionId,
            command.eventId(),
            command.candidateId(),
            command.componentId(),
            command.score(),
            command.provenance()));
    return lastEventId;
  }

  @EventSourcingHandler
  void on(SessionScheduledEvent event) {
    sessionId = event.sessionId();
    event.components().forEach(c -> maxScoreByComponent.put(c.componentId(), c.maxScore()));
  }

  @EventSourcingHandler
  void on(CandidateRegisteredEvent event) {
    candidates.add(event.candidateId());
  }

  @EventSourcingHandler
  void on(ScoreRecordedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
    scoredComponents.add(sheetKey(event.candidateId(), event.componentId()));
    if (!event.provenance().signed()) {
      unsignedScores.put(
          eventId,
          new UnsignedScore(
              event.candidateId(),
              event.componentId(),
              event.score(),
              event.provenance().actorId()));
    }
  }

  @EventSourcingHandler
  void on(ScoreCountersignedEvent event, @MessageIdentifier String eventId) {
    lastEventId = eventId;
    unsignedScores.remove(event.countersignedEventId());
  }

  private static String sheetKey(String candidateId, String componentId) {
    return candidateId + '/' + componentId;
  }

  private static void requireIdentifier(String field, String value) {
    if (value == null || !IDENTIFIER.matcher(value).matches()) {
      throw new ExamRuleViolation(
          "invalid-identifier",
          field,
          field
              + " must be 1-64 characters of letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit; was "
              + (value == null ? "missing" : "'" + value + "'"));
    }
  }

  private static void requireText(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new ExamRuleViolation("missing-field", field, field + " is required");
    }
  }

  private static void requireProvenance(Provenance provenance) {
    if (provenance == null || provenance.receivedAt() == null) {
      throw new ExamRuleViolation(
          "missing-field", "provenance", "provenance with receivedAt is required");
    }
    requireIdentifier("actor", provenance.actorId());
  }
}
