package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code ./ledger verify} on the embedded default, as a separate process: refused with a message
 * that names the lock while the service holds the H2 file, and passing once the service stopped.
 */
class EmbeddedVerifyIT {

  @Test
  void verifyIsRefusedWhileTheServiceRunsAndPassesAfterItStopped(@TempDir Path dir)
      throws Exception {
    Path dataDir = dir.resolve("data");
    try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()))) {
      TestActors.bootstrap(node);
      LedgerNode.Response r =
          node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody("S-EMBEDDED"));
      assertThat(r.status()).as(r.body()).isEqualTo(201);
      JdbcClient jdbc = JdbcClient.create(node.context().getBean(DataSource.class));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  jdbc.sql("SELECT COALESCE(MAX(tree_size), -1) FROM ledger_checkpoint")
                          .query(Long.class)
                          .single()
                      == 3);

      Run locked = ledgerVerify(dir, dataDir, "locked");
      assertThat(locked.exitCode()).as(locked.output()).isEqualTo(2);
      assertThat(locked.output())
          .contains("is locked, probably by a running service")
          .contains("stop the service and run verify again");
    }

    Run passed = ledgerVerify(dir, dataDir, "passed");
    assertThat(passed.exitCode()).as(passed.output()).isZero();
    assertThat(passed.output())
        .contains("OK: 3 events, 3 leaves, ")
        .contains("3 signatures verified, 0 unsigned entries, 2 keys");
  }

  record Run(int exitCode, String output) {}

  private static Run ledgerVerify(Path dir, Path dataDir, String name) throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path log = dir.resolve(name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                repo.resolve("ledger").toString(), "verify", "--data-dir", dataDir.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile());
    builder.environment().put("LEDGER_NO_BUILD", "1");
    builder.environment().remove("LEDGER_DB_URL");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("verify finished").isTrue();
    return new Run(process.exitValue(), Files.readString(log));
  }
}
