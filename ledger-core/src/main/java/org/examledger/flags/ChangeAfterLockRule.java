package org.examledger.flags;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.examledger.exam.SheetStatus;

/**
 * {@code change-after-lock}: a score entry while the candidate's sheet is submitted, locked or
 * published, with no authorised (validly signed) reopen in between. The aggregate refuses these, so
 * the rule fires on replayed or foreign data, or on a forged reopen.
 */
final class ChangeAfterLockRule implements FlagRule {

  static final String ID = "change-after-lock";

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
      if (Explain.isScoreEntry(p)) {
        String sessionId = EventFields.string(p, "sessionId");
        String candidateId = EventFields.string(p, "candidateId");
        LedgerState.Sheet sheet = state.session(sessionId).sheet(candidateId);
        SheetStatus status = sheet.status;
        if (status != SheetStatus.OPEN) {
          flags.add(
              new Flag(
                  ID,
                  Severity.CRITICAL,
                  FlagStatus.RAISED,
                  new FlagSubject(
                      sessionId,
                      candidateId,
                      EventFields.string(p, "componentId"),
                      event.actorId()),
                  List.of(sheet.statusEventId, event.eventId()),
                  Explain.scoreEntry(p, event.actorId())
                      + " after the sheet was "
                      + status.name().toLowerCase(Locale.ROOT)
                      + (event.signature().unsigned() ? ", unsigned" : "")));
        }
      }
      state.apply(event);
    }
    return flags;
  }
}
