package org.examledger.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.privacy.ResidentIdNumbers;
import org.examledger.secrets.SecretFileException;
import org.examledger.secrets.SecretFiles;
import org.examledger.secrets.StationSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ledger hash-document}: what a station puts into a statement instead of a document number.
 * The number is read from standard input by default, so that it lands neither in the shell's
 * history nor in the process list; at a terminal it is not echoed.
 */
@Command(
    name = "hash-document",
    mixinStandardHelpOptions = true,
    header = "Hash an identity document number with the station secret, for a statement.",
    description = {
      "Prints the document as a statement carries it: {\"type\",\"keyedHash\",\"suffix\"}, the",
      "HMAC-SHA-256 of the normalised number (spaces and hyphens removed, upper case) under the",
      "station secret, and its last 4 characters. The number itself never leaves this machine.",
      "",
      "Give the number on standard input (the safe way: not in shell history, not in 'ps'):",
      "  ./ledger hash-document --secret-file data/keys/station-secret --type ID_CARD",
      "  (type the number, then Enter; it is not shown), or pipe it from a card reader.",
      "An ID_CARD number of 18 characters must have a valid check character (GB 11643-1999),",
      "so that a typo does not produce a hash that never matches."
    })
final class HashDocument implements Callable<Integer> {

  @Spec CommandSpec spec;

  @ParentCommand LedgerCli parent;

  @Option(
      names = "--secret-file",
      required = true,
      description = "The station secret (hex, owner-only), as ./ledger init writes it.")
  Path secretFile;

  @Option(
      names = "--type",
      required = true,
      description = "The document type: ${COMPLETION-CANDIDATES}.")
  DocumentType type;

  @Parameters(
      arity = "0..1",
      paramLabel = "NUMBER",
      description = "The number; omit it (or give '-') to read it from standard input.")
  String number;

  @Override
  public Integer call() {
    StationSecret secret;
    try {
      secret = SecretFiles.readStationSecret(secretFile);
    } catch (SecretFileException e) {
      throw CliException.usage(e.getMessage());
    }
    String given = number == null || number.equals("-") ? readNumber() : number;
    String normalised = given.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    if (normalised.isEmpty()) {
      throw CliException.usage("no document number given");
    }
    if (type == DocumentType.ID_CARD
        && normalised.length() == 18
        && !ResidentIdNumbers.isValid(normalised)) {
      throw CliException.usage(
          "that is not a valid resident identity number (its birth date or check character is"
              + " wrong): look for a typo");
    }
    DocumentRef ref = DocumentRef.keyed(type, normalised, secret.key());
    ObjectNode json =
        JsonNodeFactory.instance
            .objectNode()
            .put("type", ref.type().name())
            .put("keyedHash", ref.keyedHash())
            .put("suffix", ref.suffix());
    spec.commandLine().getOut().println(json);
    return LedgerCli.OK;
  }

  private String readNumber() {
    Console console = System.console();
    if (parent.in == System.in && console != null) {
      char[] typed = console.readPassword("document number (not shown): ");
      if (typed == null) {
        throw CliException.usage("no document number given");
      }
      String text = new String(typed);
      Arrays.fill(typed, '\0');
      return text;
    }
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(parent.in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null) {
        throw CliException.usage("no document number on standard input");
      }
      return line;
    } catch (IOException e) {
      throw CliException.usage("cannot read standard input: " + e.getMessage());
    }
  }
}
