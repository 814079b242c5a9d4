package org.examledger.bundle;

/** A bundle cannot be assembled: nothing matches the selection, or the source's data is bad. */
public final class BundleAssemblyException extends RuntimeException {

  public BundleAssemblyException(String message) {
    super(message);
  }
}
