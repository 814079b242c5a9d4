package org.examledger.flags;

import java.util.Objects;

/**
 * What the caller found when it verified the statement behind an event (the offline verifier, or
 * the server's admission record). The engine does not verify signatures itself.
 *
 * @param state valid, unsigned (no envelope) or invalid
 * @param reason why the signature is invalid (unknown key, revoked, bad signature...); {@code null}
 *     unless {@code state} is {@link State#INVALID}
 */
public record SignatureStatus(State state, String reason) {

  /** The three outcomes of verifying a statement's envelope. */
  public enum State {
    VALID,
    UNSIGNED,
    INVALID
  }

  public static final SignatureStatus VALID = new SignatureStatus(State.VALID, null);
  public static final SignatureStatus UNSIGNED = new SignatureStatus(State.UNSIGNED, null);

  public SignatureStatus {
    Objects.requireNonNull(state, "a signature status needs a state");
    if (state == State.INVALID && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("an invalid signature status needs a reason");
    }
    if (state != State.INVALID && reason != null) {
      throw new IllegalArgumentException(
          "only an invalid signature status has a reason; found state " + state);
    }
  }

  public static SignatureStatus invalid(String reason) {
    return new SignatureStatus(State.INVALID, reason);
  }

  public boolean valid() {
    return state == State.VALID;
  }

  public boolean unsigned() {
    return state == State.UNSIGNED;
  }

  public boolean invalid() {
    return state == State.INVALID;
  }
}
