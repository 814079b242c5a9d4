package org.examledger.cli;

import java.io.PrintWriter;

/** Progress on stderr for anything that can take more than a moment; silent with --quiet. */
final class Progress {

  private final PrintWriter err;
  private final boolean quiet;

  Progress(PrintWriter err, boolean quiet) {
    this.err = err;
    this.quiet = quiet;
  }

  void step(String message) {
    if (!quiet) {
      err.println(message);
    }
  }

  /** "what done/total", written every {@code every} items and at the end. */
  void count(String what, long done, long total, long every) {
    if (!quiet && (done == total || done % every == 0)) {
      err.println(what + " " + done + "/" + total);
    }
  }
}
