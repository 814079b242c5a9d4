package org.examledger.flags;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreCorrectedEvent;

/**
 * {@code pass-mark-crossing}: a correction or adjudication lifts a candidate's total from below the
 * session's pass mark to at most {@link FlagThresholds#passMarkWindow()} points above it. Totals
 * are the sums of the final component scores ({@link org.examledger.exam.DoubleMarkingPolicy}), so
 * a change is judged only when every component had a final score before and after it.
 */
final class PassMarkCrossingRule implements FlagRule {

  static final String ID = "pass-mark-crossing";

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
      if (!(p instanceof ScoreCorrectedEvent || p instanceof ScoreAdjudicatedEvent)) {
        state.apply(event);
        continue;
      }
      String sessionId = EventFields.string(p, "sessionId");
      String candidateId = EventFields.string(p, "candidateId");
      LedgerState.Session session = state.session(sessionId);
      Optional<BigDecimal> before = session.total(candidateId);
      state.apply(event);
      Optional<BigDecimal> after = session.total(candidateId);
      BigDecimal passMark = session.passMark();
      if (passMark == null || before.isEmpty() || after.isEmpty()) {
        continue;
      }
      if (before.get().compareTo(passMark) < 0
          && after.get().compareTo(passMark) >= 0
          && after.get().compareTo(passMark.add(thresholds.passMarkWindow())) <= 0) {
        flags.add(
            new Flag(
                ID,
                Severity.WARNING,
                FlagStatus.RAISED,
                new FlagSubject(
                    sessionId, candidateId, EventFields.string(p, "componentId"), event.actorId()),
                List.of(event.eventId()),
                Explain.scoreEntry(p, event.actorId())
                    + ", lifting the total in session "
                    + sessionId
                    + " from "
                    + Explain.num(before.get())
                    + " to "
                    + Explain.num(after.get())
                    + ", within "
                    + Explain.num(thresholds.passMarkWindow())
                    + " points at or above the pass mark "
                    + Explain.num(passMark)));
      }
    }
    return flags;
  }
}
