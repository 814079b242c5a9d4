package org.examledger.api.config;

import java.time.Instant;
import org.examledger.exam.SuspensionRegistry;

/**
 * The suspension registry until issue 6 (complaints) records suspensions: it answers from the
 * suspension events there are, and no suspension events exist until issue 6, so nobody is
 * suspended. Replace this bean with one that reads the suspension events when they exist.
 */
public final class NoSuspensionsRecordedYet implements SuspensionRegistry {

  @Override
  public boolean isSuspended(String personId, Instant at) {
    return false;
  }
}
