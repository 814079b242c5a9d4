package org.examledger.complaints;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.examledger.keys.ActorRole;

/**
 * The station's sanction policy (configuration; the brief's defaults in {@link #DEFAULT}): how long
 * a verified complaint suspends, and which role approves reinstatement at each level. A decision
 * records the period's end it computed, so changing the policy later rewrites no history.
 *
 * @param suspension an ISO-8601 period ({@code P6M}, counted in calendar months in UTC) or duration
 *     ({@code PT30S}, for tests and drills)
 */
public record SanctionPolicy(
    String suspension, ActorRole stationApprover, ActorRole upperLevelApprover) {

  /** Six months; the station administrator, then the guidance centre's supervisor. */
  public static final SanctionPolicy DEFAULT =
      new SanctionPolicy("P6M", ActorRole.STATION_ADMIN, ActorRole.SUPERVISOR);

  public SanctionPolicy {
    Objects.requireNonNull(stationApprover, "stationApprover");
    Objects.requireNonNull(upperLevelApprover, "upperLevelApprover");
    endOfSuspension(suspension, Instant.EPOCH); // fails early on a bad period
  }

  /** When a suspension that starts at {@code from} ends. */
  public Instant suspensionEnd(Instant from) {
    return endOfSuspension(suspension, from);
  }

  /** The role that approves at a level. */
  public ActorRole approver(ApprovalLevel level) {
    return level == ApprovalLevel.STATION ? stationApprover : upperLevelApprover;
  }

  private static Instant endOfSuspension(String suspension, Instant from) {
    if (suspension == null) {
      throw new IllegalArgumentException("suspension period is required, e.g. P6M");
    }
    Instant end;
    try {
      end =
          suspension.contains("T")
              ? from.plus(Duration.parse(suspension))
              : from.atOffset(ZoneOffset.UTC).plus(Period.parse(suspension)).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "suspension period must be an ISO-8601 period (P6M) or duration (PT30S); was '"
              + suspension
              + "'");
    }
    if (!end.isAfter(from)) {
      throw new IllegalArgumentException(
          "suspension period must be positive; was '" + suspension + "'");
    }
    return end;
  }
}
