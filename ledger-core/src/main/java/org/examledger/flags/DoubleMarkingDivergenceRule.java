package org.examledger.flags;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.SheetStatus;

/**
 * {@code double-marking-divergence}: two independent marks of a double-marked component further
 * apart than its tolerance, not followed by a third mark or an adjudication. Pending while the
 * sheet is open (the third mark may still come), raised once it is not; and raised when a
 * correction brought the two marks together instead, the way a divergence should not be settled.
 */
final class DoubleMarkingDivergenceRule implements FlagRule {

  static final String ID = "double-marking-divergence";

  private record Key(String sessionId, String candidateId, String componentId) {}

  /** The event that made the marks diverge, and the values and tolerance it left. */
  private record Divergence(LedgerEvent cause, String description) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    LedgerState state = new LedgerState();
    Map<Key, Divergence> open = new LinkedHashMap<>();
    List<Flag> flags = new ArrayList<>();
    for (LedgerEvent event : log.events()) {
      Object p = event.payload();
      if (!Explain.isScoreEntry(p)) {
        state.apply(event);
        continue;
      }
      Key key =
          new Key(
              EventFields.string(p, "sessionId"),
              EventFields.string(p, "candidateId"),
              EventFields.string(p, "componentId"));
      LedgerState.Marks marks =
          state.session(key.sessionId()).marks(key.candidateId(), key.componentId());
      boolean before = marks.diverging();
      state.apply(event);
      boolean after = marks.diverging();
      if (!before && after) {
        open.put(key, new Divergence(event, describe(key, marks)));
      } else if (before && !after) {
        Divergence divergence = open.remove(key);
        if (p instanceof ScoreCorrectedEvent && divergence != null) {
          flags.add(
              flag(
                  FlagStatus.RAISED,
                  key,
                  event.actorId(),
                  List.of(divergence.cause().eventId(), event.eventId()),
                  divergence.description()
                      + "; brought within tolerance by a correction ("
                      + Explain.scoreEntry(p, event.actorId())
                      + ") instead of a third mark or adjudication"));
        }
      } else if (before && after) {
        // A correction that keeps the marks apart: the divergence continues with the new values.
        Divergence divergence = open.get(key);
        if (divergence != null) {
          open.put(key, new Divergence(divergence.cause(), describe(key, marks)));
        }
      }
    }
    open.forEach(
        (key, divergence) -> {
          boolean sheetOpen =
              state.session(key.sessionId()).sheet(key.candidateId()).status == SheetStatus.OPEN;
          flags.add(
              flag(
                  sheetOpen ? FlagStatus.PENDING : FlagStatus.RAISED,
                  key,
                  null,
                  List.of(divergence.cause().eventId()),
                  divergence.description()
                      + "; no third mark or adjudication "
                      + (sheetOpen ? "yet" : "before the sheet was closed")));
        });
    return flags;
  }

  private static String describe(Key key, LedgerState.Marks marks) {
    LedgerState.Mark first = marks.marks.get(0);
    LedgerState.Mark second = marks.marks.get(1);
    return "marks of candidate "
        + key.candidateId()
        + " in component "
        + key.componentId()
        + " diverge: "
        + Explain.num(first.value())
        + " by "
        + first.examinerId()
        + " and "
        + Explain.num(second.value())
        + " by "
        + second.examinerId()
        + ", tolerance "
        + Explain.num(marks.tolerance());
  }

  private static Flag flag(
      FlagStatus status, Key key, String personId, List<String> ids, String explanation) {
    return new Flag(
        ID,
        Severity.WARNING,
        status,
        new FlagSubject(key.sessionId(), key.candidateId(), key.componentId(), personId),
        ids,
        explanation);
  }
}
