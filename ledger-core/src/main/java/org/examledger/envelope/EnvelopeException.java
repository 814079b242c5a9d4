package org.examledger.envelope;

/**
 * A statement or DSSE envelope is malformed or does not verify. The message names the field or the
 * check that failed, what was expected and what was found.
 */
public final class EnvelopeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EnvelopeException(String message) {
    super(message);
  }

  public EnvelopeException(String message, Throwable cause) {
    super(message, cause);
  }
}
