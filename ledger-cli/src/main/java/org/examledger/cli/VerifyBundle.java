package org.examledger.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.cli.bundle.Bundle;
import org.examledger.cli.bundle.BundleException;
import org.examledger.cli.bundle.BundleReport;
import org.examledger.cli.bundle.BundleVerifier;
import org.examledger.cli.bundle.Finding;
import org.examledger.crypto.KeyFormatException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ledger verify-bundle}: checks an evidence bundle offline, trusting only given keys. */
@Command(
    name = "verify-bundle",
    mixinStandardHelpOptions = true,
    header = "Verify an evidence bundle offline; exit 0 only when everything holds.",
    description = {
      "Verifies an evidence bundle offline, with no server: the manifest's digests; every",
      "checkpoint's log signature and the witness policy; consistency between checkpoints;",
      "every event's leaf and its inclusion proof; every signed statement against the key",
      "registry events in the bundle as of its issuedAt; the bundled key descriptions; and,",
      "for a whole session, that no sequence number is missing.",
      "Give --log-vkey with the log key you trust (from the station's published notice);",
      "without it the bundle's own key is used, which proves only self-consistency.",
      "Exit 0 when everything holds, 1 when anything fails (each finding names the event),",
      "2 when the bundle or a key cannot be read."
    })
final class VerifyBundle implements Callable<Integer> {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle zip from 'ledger export'.")
  Path bundlePath;

  @Option(
      names = "--log-vkey",
      paramLabel = "VKEY",
      description =
          "The log's verifier key (<origin>+<hex>+<base64>), or a file holding it"
              + " (GET /api/v1/log/key).")
  String logVkey;

  @Option(
      names = "--witness",
      paramLabel = "VKEY",
      description = "A witness's cosignature verifier key, or a file holding it. Repeatable.")
  List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--witness-threshold",
      paramLabel = "N",
      description = "How many of the --witness keys must have cosigned (default: all of them).")
  Integer threshold;

  @Option(names = "--json", description = "The report as JSON on standard output.")
  boolean json;

  @Option(names = "--quiet", description = "No report; the exit code says it all.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    List<NoteVerifierKey> witnessKeys = new ArrayList<>();
    for (String w : witnesses) {
      witnessKeys.add(vkey("--witness", w));
    }
    NoteVerifierKey pinned = logVkey == null ? null : vkey("--log-vkey", logVkey);
    Bundle bundle;
    try {
      bundle = Bundle.read(bundlePath);
    } catch (BundleException e) {
      throw CliException.usage(e.getMessage());
    }
    NoteVerifierKey logKey = pinned;
    if (logKey == null) {
      String own = bundle.manifest().path("logKey").asText(null);
      if (own == null) {
        throw CliException.usage(bundlePath + ": the manifest has no logKey; give --log-vkey");
      }
      logKey = vkey(bundlePath + ": manifest logKey", own);
    }
    WitnessPolicy policy;
    try {
      policy =
          new WitnessPolicy(
              logKey, witnessKeys, threshold == null ? witnessKeys.size() : threshold);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--witness-threshold: " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet && !json) {
      err.println("verifying " + bundlePath + " (" + bundle.files().size() + " entries) ...");
    }
    BundleReport report = new BundleVerifier(policy).verify(bundle, pinned != null);
    if (!quiet) {
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(JSON.writeValueAsString(toJson(report)));
      } else {
        text(report, out);
      }
      out.flush();
    }
    return report.ok() ? LedgerCli.OK : LedgerCli.FAILED;
  }

  private void text(BundleReport r, PrintWriter out) {
    out.println("bundle:      " + bundlePath);
    out.println("selection:   " + r.selection());
    out.println(
        "log key:     "
            + r.logKey()
            + (r.logKeyPinned()
                ? " (given with --log-vkey)"
                : " (taken from the bundle: NOT a trust anchor; give --log-vkey)"));
    out.println(
        "witnesses:   "
            + (witnesses.isEmpty()
                ? "none required"
                : r.witnessThreshold() + " of " + witnesses.size() + " required"));
    out.println("checkpoints: " + r.checkpoints());
    out.println(
        "events:      "
            + r.events()
            + " ("
            + r.signed()
            + " signed, "
            + r.unsigned()
            + " unsigned; "
            + r.keys()
            + " keys registered)");
    if (r.ok()) {
      out.println("result:      VERIFIED");
    } else {
      out.println("result:      FAILED, " + r.findings().size() + " finding(s):");
      for (Finding f : r.findings()) {
        out.println("  " + f.line());
      }
    }
  }

  private ObjectNode toJson(BundleReport r) {
    ObjectNode o = JSON.createObjectNode();
    o.put("bundle", bundlePath.toString());
    o.put("verified", r.ok());
    o.put("selection", r.selection());
    o.put("logKey", r.logKey());
    o.put("logKeyPinned", r.logKeyPinned());
    o.put("witnessThreshold", r.witnessThreshold());
    ArrayNode cps = o.putArray("checkpoints");
    r.checkpoints().forEach(cps::add);
    o.put("events", r.events());
    o.put("signed", r.signed());
    o.put("unsigned", r.unsigned());
    o.put("keys", r.keys());
    ArrayNode findings = o.putArray("findings");
    for (Finding f : r.findings()) {
      ObjectNode n = findings.addObject();
      n.put("rule", f.rule());
      n.put("eventId", f.eventId());
      if (f.leafIndex() == null) {
        n.putNull("leafIndex");
      } else {
        n.put("leafIndex", f.leafIndex());
      }
      n.put("where", f.where());
      n.put("message", f.message());
    }
    return o;
  }

  /** A verifier key given inline or as a file holding it. */
  private static NoteVerifierKey vkey(String option, String value) {
    String text = value;
    Path file = Path.of(value.length() > 4096 ? "." : value);
    if (!value.contains("+") || Files.isRegularFile(file)) {
      text = CliFiles.readText(file, option + " file").strip();
    }
    try {
      return NoteVerifierKey.parse(text);
    } catch (NoteFormatException | KeyFormatException | IllegalArgumentException e) {
      throw CliException.usage(option + ": not a verifier key: " + e.getMessage());
    }
  }
}
