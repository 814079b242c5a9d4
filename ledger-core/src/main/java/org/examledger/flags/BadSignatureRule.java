package org.examledger.flags;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code bad-signature}: the statement behind an event carries a signature that the caller could
 * not verify (bad signature, unknown or revoked key, key not valid at the statement's time). The
 * caller's reason is repeated in the explanation.
 */
final class BadSignatureRule implements FlagRule {

  static final String ID = "bad-signature";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    List<Flag> flags = new ArrayList<>();
    for (LedgerEvent event : log.events()) {
      if (!event.signature().invalid()) {
        continue;
      }
      String what = Explain.scoreEntry(event.payload(), event.actorId());
      if (what == null) {
        String session = EventFields.string(event.payload(), "sessionId");
        what =
            event.type()
                + " "
                + event.eventId()
                + " by "
                + event.actorId()
                + (session == null ? "" : " in session " + session);
      }
      flags.add(
          new Flag(
              ID,
              Severity.CRITICAL,
              FlagStatus.RAISED,
              new FlagSubject(
                  EventFields.string(event.payload(), "sessionId"),
                  EventFields.string(event.payload(), "candidateId"),
                  EventFields.string(event.payload(), "componentId"),
                  event.actorId()),
              List.of(event.eventId()),
              what + ", signature invalid: " + event.signature().reason()));
    }
    return flags;
  }
}
