package org.examledger.verify;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * What a verification found: counts, and every problem (the first {@link
 * LedgerVerifier#MAX_LISTED_PROBLEMS} listed, all counted).
 *
 * @param events stored events seen
 * @param leaves stored leaves seen
 * @param checkpoints stored checkpoints checked
 * @param largestCheckpoint the largest tree size a stored checkpoint signs, -1 when there is none
 * @param signed events whose actor signature verified
 * @param unsigned events stored without a signature (unsigned entries; not a failure)
 * @param keys keys in the key history rebuilt from the key registry events
 * @param witnessed checkpoints held outside the database (e.g. cosigned by a witness) that the
 *     stored log was checked to extend
 * @param problemCount all problems found, listed or not
 */
public record VerificationReport(
    long events,
    long leaves,
    long checkpoints,
    long largestCheckpoint,
    long signed,
    long unsigned,
    long keys,
    long witnessed,
    List<Problem> problems,
    long problemCount) {

  public VerificationReport {
    problems = List.copyOf(problems);
  }

  /** True when every check held. */
  public boolean ok() {
    return problemCount == 0;
  }

  /**
   * @throws LedgerVerificationException naming the problem count and the first problem
   */
  public void requireOk() {
    if (!ok()) {
      throw new LedgerVerificationException(
          "ledger verification failed with "
              + problemCount
              + (problemCount == 1 ? " problem" : " problems")
              + ", the first: "
              + problems.get(0).toLine());
    }
  }

  /** The last line of the text report, e.g. {@code OK: 12 events, 12 leaves, ...}. */
  public String summary() {
    String counts =
        events
            + " events, "
            + leaves
            + " leaves, "
            + checkpoints
            + " checkpoints"
            + (largestCheckpoint >= 0 ? " (largest size " + largestCheckpoint + ")" : "")
            + ", "
            + signed
            + " signatures verified, "
            + unsigned
            + " unsigned entries, "
            + keys
            + " keys"
            + (witnessed > 0 ? ", " + witnessed + " witnessed checkpoints" : "");
    return ok()
        ? "OK: " + counts
        : "FAILED: " + problemCount + (problemCount == 1 ? " problem; " : " problems; ") + counts;
  }

  /**
   * The text report: one line per problem, a note when leaves are not yet covered by a signed
   * checkpoint (not a failure: the publisher may not have run since), then the summary.
   */
  public String toText() {
    StringBuilder text = new StringBuilder();
    for (Problem p : problems) {
      text.append(p.toLine()).append('\n');
    }
    if (problemCount > problems.size()) {
      text.append("... and ")
          .append(problemCount - problems.size())
          .append(" more problems not listed\n");
    }
    long covered = Math.max(largestCheckpoint, 0);
    if (leaves > covered) {
      text.append("note: leaves ")
          .append(covered)
          .append("..")
          .append(leaves - 1)
          .append(" are not yet covered by a signed checkpoint\n");
    }
    return text.append(summary()).append('\n').toString();
  }

  /** The report as a JSON object (members as in this record, plus {@code ok} and each problem). */
  public ObjectNode toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put("ok", ok());
    root.put("events", events);
    root.put("leaves", leaves);
    root.put("checkpoints", checkpoints);
    root.put("largestCheckpoint", largestCheckpoint);
    root.put("signed", signed);
    root.put("unsigned", unsigned);
    root.put("keys", keys);
    root.put("witnessed", witnessed);
    root.put("problemCount", problemCount);
    ArrayNode list = root.putArray("problems");
    for (Problem p : problems) {
      ObjectNode o = list.addObject().put("kind", p.kind());
      o.put("eventId", p.eventId());
      if (p.leafIndex() == null) {
        o.putNull("leafIndex");
      } else {
        o.put("leafIndex", p.leafIndex());
      }
      if (p.treeSize() == null) {
        o.putNull("treeSize");
      } else {
        o.put("treeSize", p.treeSize());
      }
      o.put("expected", p.expected());
      o.put("found", p.found());
      o.put("message", p.message());
    }
    root.put("summary", summary());
    return root;
  }
}
