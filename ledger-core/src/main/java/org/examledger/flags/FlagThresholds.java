package org.examledger.flags;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * The configurable numbers of the rules, with the brief's defaults (section 5). The proposed
 * configuration keys are in {@code docs/flags.md}.
 *
 * @param cureWindow how long after an unsigned entry a countersignature still cures it ({@code
 *     ledger.flags.cure-window}, default 24 h)
 * @param passMarkWindow a change that lifts a total from below the pass mark to at most this many
 *     points above it is a pass-mark crossing ({@code ledger.flags.pass-mark-window}, default 5)
 * @param repeatedEditCount this many corrections of one mark or more are repeated edits ({@code
 *     ledger.flags.repeated-edits.count}, default 3)
 * @param repeatedEditDelta corrections of one mark that move it by more than this many points in
 *     all are repeated edits too ({@code ledger.flags.repeated-edits.delta}, default 10)
 */
public record FlagThresholds(
    Duration cureWindow,
    BigDecimal passMarkWindow,
    int repeatedEditCount,
    BigDecimal repeatedEditDelta) {

  public static final Duration DEFAULT_CURE_WINDOW = Duration.ofHours(24);
  public static final BigDecimal DEFAULT_PASS_MARK_WINDOW = BigDecimal.valueOf(5);
  public static final int DEFAULT_REPEATED_EDIT_COUNT = 3;
  public static final BigDecimal DEFAULT_REPEATED_EDIT_DELTA = BigDecimal.TEN;

  public FlagThresholds {
    Objects.requireNonNull(cureWindow, "cureWindow");
    Objects.requireNonNull(passMarkWindow, "passMarkWindow");
    Objects.requireNonNull(repeatedEditDelta, "repeatedEditDelta");
    if (cureWindow.isNegative()) {
      throw new IllegalArgumentException(
          "the cure window must not be negative; found " + cureWindow);
    }
    if (passMarkWindow.signum() < 0) {
      throw new IllegalArgumentException(
          "the pass-mark window must not be negative; found " + passMarkWindow.toPlainString());
    }
    if (repeatedEditCount < 1) {
      throw new IllegalArgumentException(
          "the repeated-edit count must be at least 1; found " + repeatedEditCount);
    }
    if (repeatedEditDelta.signum() < 0) {
      throw new IllegalArgumentException(
          "the repeated-edit delta must not be negative; found "
              + repeatedEditDelta.toPlainString());
    }
  }

  public static FlagThresholds defaults() {
    return new FlagThresholds(
        DEFAULT_CURE_WINDOW,
        DEFAULT_PASS_MARK_WINDOW,
        DEFAULT_REPEATED_EDIT_COUNT,
        DEFAULT_REPEATED_EDIT_DELTA);
  }

  public FlagThresholds withCureWindow(Duration value) {
    return new FlagThresholds(value, passMarkWindow, repeatedEditCount, repeatedEditDelta);
  }

  public FlagThresholds withPassMarkWindow(BigDecimal value) {
    return new FlagThresholds(cureWindow, value, repeatedEditCount, repeatedEditDelta);
  }

  public FlagThresholds withRepeatedEditCount(int value) {
    return new FlagThresholds(cureWindow, passMarkWindow, value, repeatedEditDelta);
  }

  public FlagThresholds withRepeatedEditDelta(BigDecimal value) {
    return new FlagThresholds(cureWindow, passMarkWindow, repeatedEditCount, value);
  }
}
