package org.examledger.api.admission;

/**
 * A statement was not admitted; nothing was stored. Answered as RFC 9457 problem details with the
 * HTTP status, the stable rule and, where one field is at fault, the field.
 */
public class AdmissionRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;
  private final String rule;
  private final String field;

  public AdmissionRefused(int status, String rule, String field, String message) {
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

  public String field() {
    return field;
  }
}
