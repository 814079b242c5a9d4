package org.examledger.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import picocli.CommandLine.Option;

/**
 * The server and how to sign in to it, for the commands that talk to a running ledger: HTTP Basic
 * with an account ({@code --user}, the password from {@code --password-file} or the environment
 * variable LEDGER_PASSWORD, never from the command line) or an identity provider's bearer token
 * ({@code --token-file}).
 */
final class ServerLogin {

  @Option(names = "--server", required = true, description = "e.g. http://localhost:8080")
  String server;

  @Option(
      names = "--user",
      description = "Account name for HTTP Basic (default: environment LEDGER_USER).")
  String user;

  @Option(
      names = "--password-file",
      description = "File holding the account's password (default: environment LEDGER_PASSWORD).")
  Path passwordFile;

  @Option(names = "--token-file", description = "File holding a bearer token (instead of --user).")
  Path tokenFile;

  /** A client for the server with the caller's credentials on every request. */
  Http http() {
    return new Http(server, authorization());
  }

  private String authorization() {
    String name = user != null ? user : System.getenv("LEDGER_USER");
    if (tokenFile != null) {
      if (user != null || passwordFile != null) {
        throw CliException.usage("--token-file and --user/--password-file exclude each other");
      }
      String token = firstLine(CliFiles.read(tokenFile, "token file"), "--token-file");
      return "Bearer " + token;
    }
    if (name == null || name.isEmpty()) {
      if (passwordFile != null) {
        throw CliException.usage("--password-file needs --user (or LEDGER_USER)");
      }
      return null;
    }
    String password =
        passwordFile != null
            ? firstLine(CliFiles.read(passwordFile, "password file"), "--password-file")
            : System.getenv("LEDGER_PASSWORD");
    if (password == null || password.isEmpty()) {
      throw CliException.usage(
          "--user " + name + " needs a password: --password-file FILE or LEDGER_PASSWORD");
    }
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String firstLine(byte[] content, String option) {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    int newline = text.indexOf('\n');
    String line = newline < 0 ? text : text.substring(0, newline).strip();
    if (line.isEmpty()) {
      throw CliException.usage(option + ": the file is empty");
    }
    return line;
  }
}
