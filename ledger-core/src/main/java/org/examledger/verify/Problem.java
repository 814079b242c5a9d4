package org.examledger.verify;

import java.util.Objects;

/**
 * One thing that does not hold, with what was expected and what was found.
 *
 * @param kind stable kebab-case name of the check that failed, e.g. {@code leaf-hash-mismatch}
 * @param eventId the event concerned, or null for a checkpoint problem
 * @param leafIndex the leaf concerned, or null
 * @param treeSize the checkpoint concerned (by its size), or null
 * @param expected what should be there (hashes in hex), or null
 * @param found what is there (hashes in hex), or null
 * @param message the whole story in one sentence, naming expected and found values
 */
public record Problem(
    String kind,
    String eventId,
    Long leafIndex,
    Long treeSize,
    String expected,
    String found,
    String message) {

  public Problem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
  }

  static Problem ofEvent(
      String kind, String eventId, Long leafIndex, String expected, String found, String message) {
    return new Problem(kind, eventId, leafIndex, null, expected, found, message);
  }

  static Problem ofCheckpoint(
      String kind, long treeSize, String expected, String found, String message) {
    return new Problem(kind, null, null, treeSize, expected, found, message);
  }

  /** One report line: {@code kind: event <id> leaf <n>: message}, or {@code kind: message}. */
  public String toLine() {
    StringBuilder line = new StringBuilder(kind).append(':');
    if (eventId != null) {
      line.append(" event ").append(eventId);
    }
    if (leafIndex != null) {
      line.append(" leaf ").append(leafIndex);
    }
    if (treeSize != null) {
      line.append(" checkpoint ").append(treeSize);
    }
    if (eventId != null || leafIndex != null || treeSize != null) {
      line.append(':');
    }
    return line.append(' ').append(message).toString();
  }
}
