package org.examledger.ledger;

/**
 * A stored event cannot be encoded as a leaf (its payload or metadata is not I-JSON). The message
 * names the event identifier, the column and the rule broken, so that a verifier can report it.
 */
public final class LeafEncodingException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LeafEncodingException(String message, Throwable cause) {
    super(message, cause);
  }
}
