package org.examledger.api.problem;

/**
 * The one naming of problem-details bodies: a rule's {@code type} URI and its {@code title}, for
 * the controllers' advice and the filters that answer before any controller runs alike.
 */
public final class ProblemTypes {

  private static final String TYPE_PREFIX = "urn:examledger:problem:";

  private ProblemTypes() {}

  /** {@code urn:examledger:problem:<rule>}. */
  public static String type(String rule) {
    return TYPE_PREFIX + rule;
  }

  /** The rule in words: "wrong-session-status" is "Wrong session status". */
  public static String title(String rule) {
    String words = rule.replace('-', ' ');
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}
