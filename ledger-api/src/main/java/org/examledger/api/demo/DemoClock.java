package org.examledger.api.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The service's clock when the demo is enabled: the system clock, except while the demo season
 * loads, when it answers the instant the loader set (so receivedAt, admission's skew check and
 * Axon's event timestamps are the same on every run).
 */
final class DemoClock extends Clock {

  private final Clock system;
  private volatile Instant fixed;

  DemoClock(Clock system) {
    this.system = system;
  }

  /** From now until {@link #release}, {@link #instant()} answers {@code at}. */
  void set(Instant at) {
    fixed = at;
  }

  /** Back to the system clock. */
  void release() {
    fixed = null;
  }

  @Override
  public Instant instant() {
    Instant at = fixed;
    return at != null ? at : system.instant();
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the demo clock is UTC only");
  }
}
