package org.examledger.cli.bundle;

/**
 * One thing in a bundle that does not hold.
 *
 * @param rule stable kebab-case name of the check (docs/formats/bundle.md, "Verification")
 * @param eventId the event it concerns, or null
 * @param leafIndex that event's leaf index, or null
 * @param where the bundle entry, checkpoint or key it concerns (e.g. {@code proofs/7.tlog-proof})
 * @param message what was expected and what was found
 */
public record Finding(String rule, String eventId, Long leafIndex, String where, String message) {

  /** One line: rule, the event (leaf index and id) or entry, and the message. */
  public String line() {
    StringBuilder sb = new StringBuilder(rule).append(": ");
    if (eventId != null) {
      sb.append("event ").append(eventId);
      if (leafIndex != null) {
        sb.append(" (leaf ").append(leafIndex).append(')');
      }
      sb.append(": ");
    } else if (where != null) {
      sb.append(where).append(": ");
    }
    return sb.append(message).toString();
  }
}
