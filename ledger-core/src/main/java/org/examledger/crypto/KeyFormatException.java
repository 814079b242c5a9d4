package org.examledger.crypto;

/** Key material could not be read: bad PEM, bad DER, wrong length or an unsupported key type. */
public final class KeyFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyFormatException(String message) {
    super(message);
  }

  public KeyFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
