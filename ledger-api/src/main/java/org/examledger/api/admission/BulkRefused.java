package org.examledger.api.admission;

/**
 * One statement of a bulk submission was refused, so the whole submission was: nothing was stored.
 * Carries the statement's position (0-based) and the refusal it met, which {@code
 * ProblemDetailsAdvice} answers as it would for that statement alone, with {@code index} added.
 */
public class BulkRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int index;
  private final int count;

  public BulkRefused(int index, int count, RuntimeException refusal) {
    super(
        "statement "
            + index
            + " of "
            + count
            + " was refused, so none was stored: "
            + refusal.getMessage(),
        refusal);
    this.index = index;
    this.count = count;
  }

  /** The refused statement's position in the submission, from 0. */
  public int index() {
    return index;
  }

  /** How many statements the submission held. */
  public int count() {
    return count;
  }

  /** What the statement met: an {@link AdmissionRefused}, a domain rule or an Axon refusal. */
  public RuntimeException refusal() {
    return (RuntimeException) getCause();
  }
}
