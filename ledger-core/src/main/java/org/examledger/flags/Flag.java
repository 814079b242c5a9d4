package org.examledger.flags;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the engine.
 *
 * @param ruleId the rule's kebab-case identifier, e.g. {@code unsigned-change}
 * @param severity how urgent
 * @param status pending, raised or cured as of the evaluation moment
 * @param subject what the flag is about
 * @param eventIds the triggering events, in ledger order (never empty)
 * @param explanation one sentence for a human
 */
public record Flag(
    String ruleId,
    Severity severity,
    FlagStatus status,
    FlagSubject subject,
    List<String> eventIds,
    String explanation) {

  public Flag {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(explanation, "explanation");
    eventIds = List.copyOf(eventIds);
    if (eventIds.isEmpty()) {
      throw new IllegalArgumentException("a flag needs at least one triggering event");
    }
  }
}
