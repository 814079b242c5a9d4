package org.examledger.flags;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events a rule looks at (those received at or before {@link #asOf()}), in ledger order, with
 * their positions and lookup by identifier.
 */
final class EventLog {

  private final List<LedgerEvent> events;
  private final Instant asOf;
  private final Map<String, Integer> positions = new HashMap<>();

  EventLog(List<LedgerEvent> events, Instant asOf) {
    this.events = List.copyOf(events);
    this.asOf = asOf;
    for (int i = 0; i < this.events.size(); i++) {
      Integer previous = positions.put(this.events.get(i).eventId(), i);
      if (previous != null) {
        throw new IllegalArgumentException(
            "event id "
                + this.events.get(i).eventId()
                + " occurs twice, at positions "
                + previous
                + " and "
                + i);
      }
    }
  }

  List<LedgerEvent> events() {
    return events;
  }

  /** The moment the flags are evaluated at: pending flags turn into raised ones after it. */
  Instant asOf() {
    return asOf;
  }

  /** The position of an event in ledger order, or -1 when it is not in the log. */
  int position(String eventId) {
    return positions.getOrDefault(eventId, -1);
  }
}
