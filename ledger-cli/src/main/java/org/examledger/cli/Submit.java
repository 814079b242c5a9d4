package org.examledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger submit}: an envelope to a server's {@code POST /api/v1/statements}. */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    header = "Send a signed envelope to a ledger server.",
    description = {
      "Sends a signed envelope (from 'ledger sign') to the ledger: POST /api/v1/statements.",
      "Prints the server's answer (JSON) when it is accepted; when it is refused, prints",
      "status, rule, field and detail on one line and exits 1. Sign in with --user (an",
      "account bound to the statement's signer, or a clerk's for the types clerks may",
      "transcribe) and the password in --password-file or LEDGER_PASSWORD."
    })
final class Submit implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerLogin login;

  @Parameters(paramLabel = "ENVELOPE", description = "The envelope file.")
  Path envelope;

  @Option(names = "--quiet", description = "Print nothing when accepted.")
  boolean quiet;

  @Override
  public Integer call() {
    byte[] body = CliFiles.read(envelope, "envelope file");
    Http http = login.http();
    Http.Answer answer = http.postJson("/api/v1/statements", body);
    if (!answer.ok()) {
      throw CliException.failed("refused: " + answer.problemLine());
    }
    if (!quiet) {
      spec.commandLine().getOut().println(answer.text());
    }
    return LedgerCli.OK;
  }
}
