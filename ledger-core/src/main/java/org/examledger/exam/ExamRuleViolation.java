package org.examledger.exam;

/**
 * A command broke a rule of the exam domain. Carries the rule's stable code and the field it
 * concerns, so that the API can answer with a precise problem-details body.
 */
public class ExamRuleViolation extends RuntimeException {

  private final String rule;
  private final String field;

  public ExamRuleViolation(String rule, String field, String message) {
    super(message);
    this.rule = rule;
    this.field = field;
  }

  /** Stable, kebab-case name of the broken rule, e.g. {@code score-above-maximum}. */
  public String rule() {
    return rule;
  }

  /** The command field the rule concerns, e.g. {@code score}. */
  public String field() {
    return field;
  }
}
