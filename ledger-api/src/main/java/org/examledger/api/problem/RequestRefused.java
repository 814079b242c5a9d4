package org.examledger.api.problem;

/**
 * A request refused with its HTTP status, its stable problem-details rule and, where one field is
 * at fault, that field. Nothing was stored. {@code ProblemDetailsAdvice} answers every subtype.
 */
public class RequestRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String rule;
  private final String field;

  public RequestRefused(int status, String rule, String field, String message) {
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
