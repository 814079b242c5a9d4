package org.examledger.api.console;

import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.examledger.api.verify.InProcessVerification;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.verify.VerificationReport;
import org.springframework.stereotype.Component;

/**
 * The whole-ledger verification ({@code ./ledger verify}'s checks, run in the service as the demo
 * runs them) started from the ledger page, and its last result for the dashboard. It reads and
 * changes nothing; one run at a time. The result is kept in memory only: after a restart the
 * dashboard says it has not been run.
 */
@Component
class ConsoleVerification {

  /**
   * A finished run.
   *
   * @param summary the report's last line, e.g. {@code OK: 1733 events, ...}
   */
  record Result(Instant at, String by, boolean ok, String summary) {}

  private final DataSource dataSource;
  private final NoteSigner logSigner;
  private final Clock clock;
  private volatile Result last;

  ConsoleVerification(DataSource dataSource, NoteSigner logSigner, Clock clock) {
    this.dataSource = dataSource;
    this.logSigner = logSigner;
    this.clock = clock;
  }

  /** The last run's result, or null when none has run since the service started. */
  Result last() {
    return last;
  }

  synchronized Result run(String by) {
    Result result;
    try {
      VerificationReport report = InProcessVerification.run(dataSource, logSigner.verifierKey());
      result = new Result(clock.instant(), by, report.ok(), report.summary());
    } catch (SQLException | IOException | RuntimeException e) {
      result = new Result(clock.instant(), by, false, "FAILED: " + e.getMessage());
    }
    last = result;
    return result;
  }
}
