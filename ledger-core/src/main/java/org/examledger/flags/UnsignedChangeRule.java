package org.examledger.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.examledger.exam.ScoreCountersignedEvent;

/**
 * {@code unsigned-change}: a score entry or change without a signature. A validly signed
 * countersignature naming the entry within the cure window cures it; until the window has passed
 * the flag is pending, after it raised (a late countersignature does not cure).
 */
final class UnsignedChangeRule implements FlagRule {

  static final String ID = "unsigned-change";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    Map<String, LedgerEvent> countersignatures = new HashMap<>();
    for (LedgerEvent event : log.events()) {
      if (event.payload() instanceof ScoreCountersignedEvent c && event.signature().valid()) {
        countersignatures.putIfAbsent(c.countersignedEventId(), event);
      }
    }
    String window = Explain.duration(thresholds.cureWindow());
    List<Flag> flags = new ArrayList<>();
    for (LedgerEvent event : log.events()) {
      if (!Explain.isScoreEntry(event.payload()) || !event.signature().unsigned()) {
        continue;
      }
      Instant deadline = event.receivedAt().plus(thresholds.cureWindow());
      LedgerEvent countersignature = countersignatures.get(event.eventId());
      String entry = Explain.scoreEntry(event.payload(), event.actorId()) + ", unsigned";
      FlagStatus status;
      String outcome;
      List<String> ids = new ArrayList<>(List.of(event.eventId()));
      if (countersignature != null) {
        ids.add(countersignature.eventId());
        boolean inTime = !countersignature.receivedAt().isAfter(deadline);
        status = inTime ? FlagStatus.CURED : FlagStatus.RAISED;
        outcome =
            "; countersigned by "
                + countersignature.actorId()
                + " at "
                + countersignature.receivedAt()
                + (inTime ? ", within the " : ", after the ")
                + window
                + " window";
      } else if (!log.asOf().isAfter(deadline)) {
        status = FlagStatus.PENDING;
        outcome = "; awaiting a countersignature until " + deadline;
      } else {
        status = FlagStatus.RAISED;
        outcome = "; not countersigned within the " + window + " window";
      }
      flags.add(
          new Flag(
              ID,
              Severity.WARNING,
              status,
              new FlagSubject(
                  EventFields.string(event.payload(), "sessionId"),
                  EventFields.string(event.payload(), "candidateId"),
                  EventFields.string(event.payload(), "componentId"),
                  event.actorId()),
              ids,
              entry + outcome));
    }
    return flags;
  }
}
