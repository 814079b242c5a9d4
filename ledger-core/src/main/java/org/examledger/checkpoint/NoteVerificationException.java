package org.examledger.checkpoint;

/**
 * A well-formed note is not trusted: a known key's signature failed, no known key signed it, or a
 * witness policy is not met. The message names the keys involved.
 */
public final class NoteVerificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoteVerificationException(String message) {
    super(message);
  }
}
