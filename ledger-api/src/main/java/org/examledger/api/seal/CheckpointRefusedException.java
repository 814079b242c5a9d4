package org.examledger.api.seal;

/**
 * The publisher will not sign: the log's stored state is not consistent with the last checkpoint it
 * signed (or that checkpoint does not verify under the log's key). Signing anyway would publish a
 * fork; this is the moment to stop and investigate.
 */
public final class CheckpointRefusedException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  CheckpointRefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
