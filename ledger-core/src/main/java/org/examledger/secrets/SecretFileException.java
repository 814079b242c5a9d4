package org.examledger.secrets;

/**
 * A secret file cannot be used: missing, unreadable, malformed, or open to group or others. The
 * message names the file and says how to fix it; it never contains the secret.
 */
public final class SecretFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SecretFileException(String message) {
    super(message);
  }

  public SecretFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
