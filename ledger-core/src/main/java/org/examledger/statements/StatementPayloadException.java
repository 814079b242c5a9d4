package org.examledger.statements;

/**
 * A statement's payload does not have the members its type requires. The message names the member
 * (as {@code payload.<name>}), what was expected and what was found.
 */
public final class StatementPayloadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public StatementPayloadException(String field, String message) {
    super(message);
    this.field = field;
  }

  /** The offending member, e.g. {@code payload.components[1].maxScore}, or "type". */
  public String field() {
    return field;
  }
}
