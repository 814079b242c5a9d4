package org.examledger.api.rebuild;

import org.examledger.api.problem.RequestRefused;

/** A rebuild that cannot be started: its status, rule and why. */
public final class RebuildRefused extends RequestRefused {

  RebuildRefused(int status, String rule, String message) {
    super(status, rule, "name", message);
  }
}
