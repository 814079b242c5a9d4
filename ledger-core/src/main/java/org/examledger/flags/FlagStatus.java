package org.examledger.flags;

/**
 * Where a flag stands as of the evaluation moment. A cured flag is kept, never dropped: a
 * supervisor sees that something was wrong and was put right in time.
 */
public enum FlagStatus {
  /** The problem exists, but its normal remedy may still come (e.g. within the cure window). */
  PENDING,
  /** The problem stands. */
  RAISED,
  /** The problem was remedied in time (e.g. an unsigned entry countersigned within the window). */
  CURED
}
