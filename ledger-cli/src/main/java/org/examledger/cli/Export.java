package org.examledger.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.examledger.bundle.BundleAssembler;
import org.examledger.bundle.BundleAssemblyException;
import org.examledger.bundle.BundleSelection;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger export}: an evidence bundle from a running server, over its HTTP API. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    header = "Export an evidence bundle (events, proofs, checkpoints, keys) from a server.",
    description = {
      "Exports an evidence bundle (docs/formats/bundle.md) from a running ledger: the selected",
      "events (leaf inputs, with their signed envelopes), a C2SP tlog-proof for each against",
      "one checkpoint (with its witness cosignatures), and every key registry event with a",
      "proof, so that 'ledger verify-bundle' can check it all offline. Reads only the log's",
      "endpoints (/api/v1/log/*, /api/v1/keys/*), signed in as an account that may read the",
      "events (AUDITOR, SUPERVISOR or STATION_ADMIN); asking for proofs may make the server",
      "sign a checkpoint covering the newest events.",
      "Select with --session and narrow with --candidate, --examiner, --from, --to."
    })
final class Export implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerLogin login;

  @Option(names = "--session", description = "The events of this session (its aggregate).")
  String session;

  @Option(names = "--candidate", description = "Only events whose payload names this candidate.")
  String candidate;

  @Option(names = "--examiner", description = "Only events whose actor is this person.")
  String examiner;

  @Option(names = "--from", description = "Only events stored at or after this RFC 3339 time.")
  String from;

  @Option(names = "--to", description = "Only events stored before this RFC 3339 time.")
  String to;

  @Option(
      names = "--also-checkpoint",
      paramLabel = "SIZE",
      description =
          "Also bundle the checkpoint of this tree size (e.g. one published earlier) and the"
              + " consistency proofs that link it to the others. Repeatable.")
  List<Long> alsoCheckpoints = new ArrayList<>();

  @Option(names = "--out", required = true, description = "The bundle (zip) to create.")
  Path out;

  @Option(names = "--quiet", description = "No progress on standard error, no summary.")
  boolean quiet;

  @Override
  public Integer call() {
    Instant fromTime = from == null ? null : time("--from", from);
    Instant toTime = to == null ? null : time("--to", to);
    BundleSelection selection = new BundleSelection(session, candidate, examiner, fromTime, toTime);
    if (selection.isEmpty()) {
      throw CliException.usage(
          "select something: --session, --candidate, --examiner, --from or --to");
    }
    if (Files.exists(out)) {
      throw CliException.usage(out + " exists; refusing to overwrite it");
    }
    Progress progress = new Progress(spec.commandLine().getErr(), quiet);
    Http http = login.http();
    BundleAssembler.Result bundle;
    try {
      bundle =
          new BundleAssembler(
                  new HttpBundleSource(http, progress),
                  new BundleAssembler.Progress() {
                    @Override
                    public void step(String message) {
                      progress.step(message);
                    }

                    @Override
                    public void proofs(int done, int total) {
                      progress.count("fetching proofs", done, total, 100);
                    }
                  })
              .assemble(selection, alsoCheckpoints, http.base(), Instant.now());
    } catch (BundleAssemblyException e) {
      throw CliException.failed(e.getMessage());
    }
    CliFiles.write(out, bundle.zip());
    if (!quiet) {
      spec.commandLine()
          .getOut()
          .println(
              out
                  + ": "
                  + bundle.events()
                  + " events of "
                  + selection.describe()
                  + " and "
                  + bundle.keyEvents()
                  + " key registry events, each with an inclusion proof in the checkpoint of"
                  + " size "
                  + bundle.anchorSize()
                  + "; SHA-256 "
                  + Digests.sha256(Bytes.of(bundle.zip())).hex());
    }
    return LedgerCli.OK;
  }

  private static Instant time(String option, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw CliException.usage(
          option
              + ": expected an RFC 3339 time such as 2026-06-01T09:30:00Z, found '"
              + text
              + "'");
    }
  }
}
