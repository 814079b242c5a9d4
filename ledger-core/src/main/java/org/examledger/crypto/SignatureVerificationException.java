package org.examledger.crypto;

/** A signature did not verify; the message names the algorithm, the key id and the reason. */
public final class SignatureVerificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SignatureVerificationException(String message) {
    super(message);
  }
}
