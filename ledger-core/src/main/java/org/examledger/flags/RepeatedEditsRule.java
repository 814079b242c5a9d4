package org.examledger.flags;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.examledger.exam.ScoreCorrectedEvent;

/**
 * {@code repeated-edits}: one mark (candidate, component, mark number) corrected {@link
 * FlagThresholds#repeatedEditCount()} times or more, or moved by more than {@link
 * FlagThresholds#repeatedEditDelta()} points in all (the sum of the corrections' sizes, so that one
 * large change and a drift of small ones both count). One flag per mark, naming every correction.
 */
final class RepeatedEditsRule implements FlagRule {

  static final String ID = "repeated-edits";

  private record Key(String sessionId, String candidateId, String componentId, int markNumber) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    Map<Key, List<LedgerEvent>> corrections = new LinkedHashMap<>();
    for (LedgerEvent event : log.events()) {
      if (event.payload() instanceof ScoreCorrectedEvent c) {
        corrections
            .computeIfAbsent(
                new Key(c.sessionId(), c.candidateId(), c.componentId(), c.markNumber()),
                k -> new ArrayList<>())
            .add(event);
      }
    }
    List<Flag> flags = new ArrayList<>();
    corrections.forEach(
        (key, events) -> {
          BigDecimal movement = BigDecimal.ZERO;
          StringBuilder path = new StringBuilder();
          for (LedgerEvent event : events) {
            ScoreCorrectedEvent c = (ScoreCorrectedEvent) event.payload();
            movement = movement.add(c.newScore().subtract(c.oldScore()).abs());
            if (path.length() == 0) {
              path.append(Explain.num(c.oldScore()));
            }
            path.append(" to ").append(Explain.num(c.newScore()));
          }
          if (events.size() < thresholds.repeatedEditCount()
              && movement.compareTo(thresholds.repeatedEditDelta()) <= 0) {
            return;
          }
          List<String> actors = events.stream().map(LedgerEvent::actorId).distinct().toList();
          flags.add(
              new Flag(
                  ID,
                  Severity.WARNING,
                  FlagStatus.RAISED,
                  new FlagSubject(
                      key.sessionId(),
                      key.candidateId(),
                      key.componentId(),
                      actors.size() == 1 ? actors.get(0) : null),
                  events.stream().map(LedgerEvent::eventId).toList(),
                  "score of candidate "
                      + key.candidateId()
                      + " in component "
                      + key.componentId()
                      + (key.markNumber() > 1 ? " (mark " + key.markNumber() + ")" : "")
                      + " changed "
                      + (events.size() == 1 ? "once" : events.size() + " times")
                      + " ("
                      + path
                      + ") by "
                      + actors.stream().collect(Collectors.joining(", "))
                      + ", "
                      + Explain.num(movement)
                      + " points in all; threshold: "
                      + thresholds.repeatedEditCount()
                      + " changes or more than "
                      + Explain.num(thresholds.repeatedEditDelta())
                      + " points"));
        });
    return flags;
  }
}
