package org.examledger.proof;

/** Text is not a well-formed tlog-proof file; the message names the line and the rule broken. */
public final class ProofFileException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  ProofFileException(String message) {
    super(message);
  }

  ProofFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
