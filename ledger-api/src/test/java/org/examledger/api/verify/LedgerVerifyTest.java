package org.examledger.api.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's usage and configuration errors: exit code 2, a message, no report. */
class LedgerVerifyTest {

  record Run(int exitCode, String out, String err) {}

  static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        LedgerVerify.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void run_dataDirWithoutDatabase_exits2AndCreatesNothing(@TempDir Path dir) {
    Run run = run(Map.of(), "--data-dir", dir.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith(
            "ledger verify: no ledger database at jdbc:h2:file:"
                + dir.resolve("ledger")
                + ";IFEXISTS=TRUE: give --data-dir of an instance (or --db-url)");
    assertThat(dir).isEmptyDirectory();
    assertThat(run.out()).isEmpty();
  }

  @Test
  void run_dataDirFromTheEnvironment_isUsed(@TempDir Path dir) {
    Run run = run(Map.of("LEDGER_DATA_DIR", dir.toString()));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("no ledger database at jdbc:h2:file:" + dir.resolve("ledger"));
  }

  @Test
  void run_bothKeyOptions_exits2() {
    Run run = run(Map.of(), "--log-key", "a.pem", "--log-vkey", "x+00000000+AA==");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err())
        .startsWith("ledger verify: give --log-key or --log-vkey, not both\nusage: ledger verify");
  }

  @Test
  void run_optionWithoutValue_exits2() {
    Run run = run(Map.of(), "--db-url");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("ledger verify: --db-url needs a value");
  }

  @Test
  void run_help_printsUsageAndExits0() {
    Run run = run(Map.of(), "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("usage: ledger verify [--data-dir DIR | --db-url JDBC_URL");
  }

  @Test
  void redact_hidesPasswordParameters() {
    assertThat(LedgerVerify.redact("jdbc:postgresql://h/db?user=u&password=secret&ssl=true"))
        .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
  }
}
