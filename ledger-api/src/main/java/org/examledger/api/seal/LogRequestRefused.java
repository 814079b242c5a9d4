package org.examledger.api.seal;

/**
 * A request to the log that is refused, with the HTTP status and the problem-details rule the web
 * layer answers with (docs/api.md, "HTTP for auditors and witnesses").
 */
public final class LogRequestRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String rule;
  private final String field;

  public LogRequestRefused(int status, String rule, String message, String field) {
    super(message);
    this.status = status;
    this.rule = rule;
    this.field = field;
  }

  public int status() {
    return status;
  }

  public String rule() {
    return rule;
  }

  /** The request field at fault, or null. */
  public String field() {
    return field;
  }
}
