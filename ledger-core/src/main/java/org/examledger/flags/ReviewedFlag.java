package org.examledger.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.examledger.reviews.FlagAcknowledgedEvent;
import org.examledger.reviews.FlagResolvedEvent;

/**
 * A flag with its stable identifier and what supervisors did about it. The identifier is the rule
 * and the flag's first triggering event ({@code unsigned-change:<eventId>}): later events may join
 * a flag, the first never changes; should two flags of one rule share a first event, the later gets
 * {@code #2}, {@code #3}, in the engine's order.
 *
 * @param acknowledged null until a supervisor acknowledged the flag
 * @param resolved null until a supervisor resolved it
 */
public record ReviewedFlag(String flagId, Flag flag, Review acknowledged, Review resolved) {

  /**
   * @param resolution the conclusion (CONFIRMED, EXPLAINED, FALSE_POSITIVE); null for an
   *     acknowledgement
   */
  public record Review(String by, Instant at, String resolution, String comment, String eventId) {}

  /** The flags with their identifiers and the reviews among {@code reviewEvents}. */
  public static List<ReviewedFlag> of(List<Flag> flags, List<LedgerReviewEvent> reviewEvents) {
    Map<String, Review> acks = new HashMap<>();
    Map<String, Review> resolutions = new HashMap<>();
    for (LedgerReviewEvent e : reviewEvents) {
      if (e.event() instanceof FlagAcknowledgedEvent a) {
        acks.putIfAbsent(
            a.flagId(),
            new Review(
                a.provenance().actorId(), a.provenance().receivedAt(), null, a.comment(), e.id()));
      } else if (e.event() instanceof FlagResolvedEvent r) {
        resolutions.putIfAbsent(
            r.flagId(),
            new Review(
                r.provenance().actorId(),
                r.provenance().receivedAt(),
                r.resolution().name(),
                r.comment(),
                e.id()));
      }
    }
    Map<String, Integer> seen = new HashMap<>();
    List<ReviewedFlag> out = new ArrayList<>();
    for (Flag f : flags) {
      String base = f.ruleId() + ":" + f.eventIds().get(0);
      int n = seen.merge(base, 1, Integer::sum);
      String id = n == 1 ? base : base + "#" + n;
      out.add(new ReviewedFlag(id, f, acks.get(id), resolutions.get(id)));
    }
    return out;
  }

  /** A review event with its ledger event id. */
  public record LedgerReviewEvent(String id, Object event) {}
}
