package org.examledger.api.admission;

import org.examledger.api.problem.RequestRefused;

/**
 * A statement was not admitted; nothing was stored. Answered as RFC 9457 problem details with the
 * HTTP status, the stable rule and, where one field is at fault, the field.
 */
public class AdmissionRefused extends RequestRefused {

  private static final long serialVersionUID = 1L;

  public AdmissionRefused(int status, String rule, String field, String message) {
    super(status, rule, field, message);
  }
}
