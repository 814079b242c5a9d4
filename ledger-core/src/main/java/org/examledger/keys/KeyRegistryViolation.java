package org.examledger.keys;

/**
 * A key registration or revocation broke a rule of the registry. Carries the rule's stable code and
 * the statement payload field it concerns, for a precise problem-details answer.
 */
public class KeyRegistryViolation extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String rule;
  private final String field;

  public KeyRegistryViolation(String rule, String field, String message) {
    super(message);
    this.rule = rule;
    this.field = field;
  }

  /** Stable, kebab-case name of the broken rule, e.g. {@code key-already-registered}. */
  public String rule() {
    return rule;
  }

  /** The field the rule concerns, e.g. {@code publicKey}; may be null. */
  public String field() {
    return field;
  }
}
