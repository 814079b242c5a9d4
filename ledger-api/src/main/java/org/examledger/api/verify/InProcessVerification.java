package org.examledger.api.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.merkle.FileNodeStore;
import org.examledger.verify.LedgerVerifier;
import org.examledger.verify.VerificationReport;

/**
 * The same verification as {@code ./ledger verify}, run inside the service over its own data source
 * in a read-only transaction (used by the demo to report on the season it loaded; on the embedded
 * database the command-line verifier needs the service stopped).
 */
public final class InProcessVerification {

  private InProcessVerification() {}

  public static VerificationReport run(DataSource dataSource, NoteVerifierKey logKey)
      throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      connection.setReadOnly(true);
      Path nodes = Files.createTempFile("ledger-verify", ".nodes");
      try (FileNodeStore scratch = FileNodeStore.open(nodes)) {
        return new LedgerVerifier(logKey, n -> {})
            .verify(new JdbcLedgerSource(connection), scratch);
      } finally {
        connection.rollback();
        Files.deleteIfExists(nodes);
      }
    }
  }
}
