package org.examledger.canonical;

/**
 * The input is not I-JSON (RFC 7493) or cannot be canonicalized under RFC 8785. The message says
 * which rule was broken, where (character offset for text, JSON Pointer for trees) and what was
 * found instead.
 */
public final class CanonicalJsonException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CanonicalJsonException(String message) {
    super(message);
  }
}
