package org.examledger.flags;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;

/**
 * {@code tally-mismatch}: a stated total differs from the sum of its components. Stated totals are
 * a submission's claimed and computed totals and a publication's total; the sum is the engine's own
 * (the final component scores of the events so far) when every component has one, otherwise the
 * submission's computed total stands for it.
 */
final class TallyMismatchRule implements FlagRule {

  static final String ID = "tally-mismatch";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Flag> evaluate(EventLog log, FlagThresholds thresholds) {
    LedgerState state = new LedgerState();
    List<Flag> flags = new ArrayList<>();
    for (LedgerEvent event : log.events()) {
      if (event.payload() instanceof ResultSheetSubmittedEvent s) {
        Optional<BigDecimal> sum = state.session(s.sessionId()).total(s.candidateId());
        BigDecimal reference = sum.orElse(s.computedTotal());
        List<String> problems = new ArrayList<>();
        if (s.claimedTotal() != null && differ(s.claimedTotal(), reference)) {
          problems.add("a claimed total of " + Explain.num(s.claimedTotal()));
        }
        if (s.computedTotal() != null && differ(s.computedTotal(), reference)) {
          problems.add("a computed total of " + Explain.num(s.computedTotal()));
        }
        if (!problems.isEmpty()) {
          flags.add(
              flag(
                  event,
                  s.sessionId(),
                  s.candidateId(),
                  "result sheet of candidate "
                      + s.candidateId()
                      + " in session "
                      + s.sessionId()
                      + " submitted by "
                      + event.actorId()
                      + " with "
                      + String.join(" and ", problems)
                      + ", but its components add up to "
                      + Explain.num(reference)));
        }
      } else if (event.payload() instanceof ResultSheetPublishedEvent pub) {
        Optional<BigDecimal> sum = state.session(pub.sessionId()).total(pub.candidateId());
        if (sum.isPresent() && differ(pub.total(), sum.get())) {
          flags.add(
              flag(
                  event,
                  pub.sessionId(),
                  pub.candidateId(),
                  "result sheet of candidate "
                      + pub.candidateId()
                      + " in session "
                      + pub.sessionId()
                      + " published by "
                      + event.actorId()
                      + " with a total of "
                      + Explain.num(pub.total())
                      + ", but its components add up to "
                      + Explain.num(sum.get())));
        }
      }
      state.apply(event);
    }
    return flags;
  }

  private static boolean differ(BigDecimal stated, BigDecimal reference) {
    return reference != null && (stated == null || stated.compareTo(reference) != 0);
  }

  private static Flag flag(
      LedgerEvent event, String sessionId, String candidateId, String explanation) {
    return new Flag(
        ID,
        Severity.WARNING,
        FlagStatus.RAISED,
        new FlagSubject(sessionId, candidateId, null, event.actorId()),
        List.of(event.eventId()),
        explanation);
  }
}
