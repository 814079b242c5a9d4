package org.examledger.api.seal;

import org.examledger.api.problem.RequestRefused;

/**
 * A request to the log that is refused, with the HTTP status and the problem-details rule the web
 * layer answers with (docs/api.md, "HTTP for auditors and witnesses").
 */
public final class LogRequestRefused extends RequestRefused {

  private static final long serialVersionUID = 1L;

  public LogRequestRefused(int status, String rule, String message, String field) {
    super(status, rule, field, message);
  }
}
