package org.examledger.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code ledger} with its subcommands. Exit codes, the same for every subcommand: 0 done (or
 * everything verified), 1 the answer is no (statement refused, verification failed), 2 bad input or
 * usage (a missing or malformed file, a wrong option, a server that cannot be reached).
 */
@Command(
    name = "ledger",
    mixinStandardHelpOptions = true,
    version = "ledger-cli 0.1.0",
    description = {
      "Command-line tools for examiners and auditors of the Exam Integrity Ledger.",
      "Examiners: keygen, sign, submit. Auditors: export, verify-bundle (offline).",
      "Stations: hash-document (an identity document number into its keyed hash).",
      "Run 'ledger <command> --help' for a command's options."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done; for verify-bundle: everything verified",
      "1:the answer is no: statement refused, verification failed",
      "2:bad input: missing or malformed file, wrong option, server unreachable"
    },
    subcommands = {
      Keygen.class,
      Sign.class,
      Submit.class,
      Export.class,
      VerifyBundle.class,
      Replay.class,
      Rebuild.class,
      HashDocument.class,
      CommandLine.HelpCommand.class
    })
public final class LedgerCli implements Runnable {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Where commands read what the user types (hash-document's number). */
  final InputStream in;

  LedgerCli(InputStream in) {
    this.in = in;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line; reports go to {@code out}, progress and errors to {@code err}. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err);
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, reading typed input from {@code in}. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    CommandLine cl = new CommandLine(new LedgerCli(in));
    cl.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
    cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
    cl.setExitCodeExceptionMapper(e -> USAGE);
    cl.setParameterExceptionHandler(
        (e, args2) -> {
          CommandLine c = e.getCommandLine();
          c.getErr().println(prefix(c) + ": " + e.getMessage());
          c.getErr().println("Try '" + c.getCommandSpec().qualifiedName() + " --help'.");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (e, c, parseResult) -> {
          if (e instanceof CliException ce) {
            c.getErr().println(prefix(c) + ": " + ce.getMessage());
            return ce.exitCode();
          }
          // Not expected: still one line, naming the exception, never a stack trace.
          c.getErr().println(prefix(c) + ": unexpected error: " + e);
          return USAGE;
        });
    return cl.execute(args);
  }

  private static String prefix(CommandLine c) {
    return c.getCommandSpec().qualifiedName();
  }
}
