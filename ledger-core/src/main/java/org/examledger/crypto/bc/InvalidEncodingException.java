package org.examledger.crypto.bc;

/**
 * Input bytes are not a valid encoding (DER, point, scalar); the message says which rule failed.
 */
public final class InvalidEncodingException extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  InvalidEncodingException(String message) {
    super(message);
  }

  InvalidEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
