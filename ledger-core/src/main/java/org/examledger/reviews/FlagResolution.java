package org.examledger.reviews;

/** What a supervisor concluded about a flag. */
public enum FlagResolution {
  /** The flag pointed at a real problem; it was dealt with (the comment says how). */
  CONFIRMED,
  /** The flagged pattern had an innocent explanation (the comment gives it). */
  EXPLAINED,
  /** The flag was raised on a mistaken premise. */
  FALSE_POSITIVE
}
