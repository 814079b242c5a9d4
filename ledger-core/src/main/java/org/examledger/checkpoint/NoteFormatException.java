package org.examledger.checkpoint;

/** A note, checkpoint, verifier key or signature line does not follow its C2SP format. */
public final class NoteFormatException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public NoteFormatException(String message) {
    super(message);
  }
}
