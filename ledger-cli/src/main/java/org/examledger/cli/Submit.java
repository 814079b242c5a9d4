package org.examledger.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
      "status, rule, field and detail on one line and exits 1. The server has no caller",
      "authentication yet (issue 9): the envelope's signature is the credential."
    })
final class Submit implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--server", required = true, description = "e.g. http://localhost:8080")
  String server;

  @Parameters(paramLabel = "ENVELOPE", description = "The envelope file.")
  Path envelope;

  @Option(names = "--quiet", description = "Print nothing when accepted.")
  boolean quiet;

  @Override
  public Integer call() {
    byte[] body = CliFiles.read(envelope, "envelope file");
    Http http = new Http(server);
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
