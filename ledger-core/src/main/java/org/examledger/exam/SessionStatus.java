package org.examledger.exam;

/** Life cycle of a session: scheduled, opened, started, ended; or cancelled before it starts. */
public enum SessionStatus {
  SCHEDULED,
  OPEN,
  STARTED,
  ENDED,
  CANCELLED
}
