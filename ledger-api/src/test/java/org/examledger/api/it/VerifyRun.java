package org.examledger.api.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.examledger.api.verify.LedgerVerify;

/** One in-process {@code ./ledger verify}: its exit code, report (stdout) and stderr. */
record VerifyRun(int exitCode, String out, String err) {

  static VerifyRun of(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LedgerVerify.run(
            args,
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new VerifyRun(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The report's last line: the summary. */
  String summary() {
    return out.lines().reduce((a, b) -> b).orElseThrow();
  }
}
