package org.examledger.complaints;

/**
 * A command broke a rule of the complaint workflow: a stable kebab-case rule, the field it concerns
 * and what kind of refusal it is, so the API can answer with a precise problem-details body.
 */
public class ComplaintRuleViolation extends RuntimeException {

  /** Why the command is refused: its form, the actor's standing, or the case's state. */
  public enum Kind {
    /** A field is missing or malformed. */
    INVALID,
    /** The actor may not take this step. */
    NOT_PERMITTED,
    /** The case is not in a state that allows the step. */
    CONFLICT,
    /** The command names something that does not exist. */
    NOT_FOUND
  }

  private final String rule;
  private final String field;
  private final Kind kind;

  public ComplaintRuleViolation(Kind kind, String rule, String field, String message) {
    super(message);
    this.kind = kind;
    this.rule = rule;
    this.field = field;
  }

  public String rule() {
    return rule;
  }

  public String field() {
    return field;
  }

  public Kind kind() {
    return kind;
  }
}
