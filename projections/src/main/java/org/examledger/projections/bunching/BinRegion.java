package org.examledger.projections.bunching;

/** Where a score bin lies relative to the window around the pass mark. */
public enum BinRegion {
  /** Outside the window: the polynomial is fitted to these bins. */
  FITTED,
  /** In {@code [passMark - windowBelow, passMark - 1]}: where the missing mass is measured. */
  BELOW_CUTOFF,
  /** In {@code [passMark, passMark + windowAbove]}: where the excess mass is measured. */
  AT_OR_ABOVE_CUTOFF
}
