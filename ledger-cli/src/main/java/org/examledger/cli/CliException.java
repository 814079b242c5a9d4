package org.examledger.cli;

/**
 * A command cannot go on: its one-line message is printed as {@code ledger <command>: <message>}
 * and the process exits with {@link #exitCode()}. Never printed with a stack trace.
 */
final class CliException extends RuntimeException {

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Bad input: an unreadable or malformed file, a wrong option value, an unreachable server. */
  static CliException usage(String message) {
    return new CliException(LedgerCli.USAGE, message);
  }

  /** The work was done and the answer is no: a refused statement, a failed verification. */
  static CliException failed(String message) {
    return new CliException(LedgerCli.FAILED, message);
  }

  int exitCode() {
    return exitCode;
  }
}
