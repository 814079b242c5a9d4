package org.examledger.verify;

/** Told how far a long verification has come. */
@FunctionalInterface
public interface ProgressListener {

  /** No progress reports. */
  ProgressListener NONE = entries -> {};

  /** Called after every {@link LedgerVerifier#PROGRESS_EVERY} entries with the count so far. */
  void entriesDone(long entries);
}
