package org.examledger.api.admission;

import org.axonframework.common.AxonNonTransientException;

/**
 * The statement (by hash, or by actor and nonce) was admitted before: found by the unique keys of
 * {@code admitted_statement} in the command's own transaction, which is therefore rolled back.
 * Non-transient, so that the command gateway does not retry it.
 */
public class StatementReplayedException extends AxonNonTransientException {

  private static final long serialVersionUID = 1L;

  public StatementReplayedException(String message) {
    super(message);
  }
}
