package org.examledger.verify;

/** A ledger did not verify; the message counts the problems and names the first. */
public final class LedgerVerificationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LedgerVerificationException(String message) {
    super(message);
  }
}
