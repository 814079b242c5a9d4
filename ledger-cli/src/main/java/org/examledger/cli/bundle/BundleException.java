package org.examledger.cli.bundle;

/** The file is not a readable evidence bundle (not a zip, truncated, no or a foreign manifest). */
public final class BundleException extends RuntimeException {

  public BundleException(String message) {
    super(message);
  }
}
