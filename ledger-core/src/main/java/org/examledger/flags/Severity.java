package org.examledger.flags;

/** How urgently a supervisor should look at a flag. */
public enum Severity {
  /** Worth knowing; often part of a normal process that has not finished. */
  INFO,
  /** Needs an explanation. */
  WARNING,
  /** Undermines the evidence or the result: look first. */
  CRITICAL
}
