package org.examledger.flags;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Runs every rule over a sequence of ledger events and returns the flags in a deterministic order:
 * by the ledger position of the first triggering event, then rule id, then explanation. Pure: the
 * same events, thresholds and moment give the same flags, whoever calls it.
 */
public final class FlagEngine {

  private static final List<FlagRule> RULES =
      List.of(
          new UnsignedChangeRule(),
          new BadSignatureRule(),
          new ChangeAfterLockRule(),
          new ActorNotEligibleRule(),
          new PassMarkCrossingRule(),
          new RepeatedEditsRule(),
          new TallyMismatchRule(),
          new DoubleMarkingDivergenceRule(),
          new SeparationOfDutiesRule(),
          new IdentityGapRule(),
          new ProctoringGapRule());

  private final FlagThresholds thresholds;

  public FlagEngine(FlagThresholds thresholds) {
    this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
  }

  /** The identifiers of the rules the engine runs, in the order of the brief. */
  public static List<String> ruleIds() {
    return RULES.stream().map(FlagRule::id).toList();
  }

  /**
   * The flags as of the latest {@code receivedAt} among the events: with no clock of its own, the
   * engine judges windows (the cure window, say) at the last moment the events speak of.
   */
  public List<Flag> evaluate(List<LedgerEvent> events) {
    Objects.requireNonNull(events, "events");
    Instant latest =
        events.stream().map(LedgerEvent::receivedAt).max(Comparator.naturalOrder()).orElse(null);
    return latest == null ? List.of() : evaluate(events, latest);
  }

  /**
   * The flags as of {@code asOf}: events received after it are ignored, and a problem whose remedy
   * may still come in time at that moment is {@link FlagStatus#PENDING}.
   *
   * @param events the ledger's events in ledger order
   */
  public List<Flag> evaluate(List<LedgerEvent> events, Instant asOf) {
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(asOf, "asOf");
    List<LedgerEvent> known = new ArrayList<>();
    for (LedgerEvent event : events) {
      Objects.requireNonNull(event, "events must not contain null");
      if (!event.receivedAt().isAfter(asOf)) {
        known.add(event);
      }
    }
    EventLog log = new EventLog(known, asOf);
    List<Flag> flags = new ArrayList<>();
    for (FlagRule rule : RULES) {
      for (Flag flag : rule.evaluate(log, thresholds)) {
        List<String> ordered =
            flag.eventIds().stream()
                .distinct()
                .sorted(Comparator.comparingInt(log::position))
                .toList();
        flags.add(
            new Flag(
                flag.ruleId(),
                flag.severity(),
                flag.status(),
                flag.subject(),
                ordered,
                flag.explanation()));
      }
    }
    flags.sort(
        Comparator.<Flag>comparingInt(f -> log.position(f.eventIds().get(0)))
            .thenComparing(Flag::ruleId)
            .thenComparing(Flag::explanation));
    return List.copyOf(flags);
  }
}
