package org.examledger.verify;

/** A stored key registry event cannot be read into the key history; the message says why. */
public final class KeyHistoryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  KeyHistoryException(String message) {
    super(message);
  }
}
