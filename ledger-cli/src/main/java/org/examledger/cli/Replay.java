package org.examledger.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.examledger.bytes.Bytes;
import org.examledger.cli.bundle.Bundle;
import org.examledger.cli.bundle.BundleException;
import org.examledger.exam.Provenance;
import org.examledger.flags.EventFields;
import org.examledger.flags.Flag;
import org.examledger.flags.FlagEngine;
import org.examledger.flags.FlagThresholds;
import org.examledger.flags.LedgerEvent;
import org.examledger.flags.ReviewedFlag;
import org.examledger.flags.SignatureStatus;
import org.examledger.sheets.ResultSheetFold;
import org.examledger.sheets.ResultSheetView;
import org.examledger.sheets.ResultSheetView.ComponentScoreView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ledger replay}: rebuilds the result sheets from a bundle's events alone, with the same
 * fold the server uses for its "as of" views ({@link ResultSheetFold}).
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header =
        "Rebuild result sheets and rule-based flags from an evidence bundle alone, optionally as"
            + " of a moment.",
    description = {
      "Reads the events of an evidence bundle in ledger (leaf) order and rebuilds every result",
      "sheet they describe: components, marks, final scores by the double-marking policy, total,",
      "outcome and the sheet's status; and the rule-based flags (docs/flags.md) with the",
      "default thresholds: the same answers as the server's GET .../result-sheet and",
      "GET /api/v1/flags for the same events. --as-of keeps only the events the ledger had",
      "received by then and judges the flags at that moment (else at the last event's time).",
      "Replay trusts the bundle (an envelope counts as a valid signature): run",
      "'ledger verify-bundle' first.",
      "Exit 0 when done, 2 when the bundle cannot be read."
    })
final class Replay implements Callable<Integer> {

  private static final ObjectMapper EVENTS =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
  private static final ObjectMapper OUT =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.INDENT_OUTPUT);

  /** Only the ledger's own event records are ever instantiated from a bundle. */
  private static final List<String> EVENT_PACKAGES =
      List.of("org.examledger.exam.", "org.examledger.complaints.", "org.examledger.reviews.");

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "BUNDLE", description = "The bundle zip from 'ledger export'.")
  Path bundlePath;

  @Option(
      names = "--as-of",
      paramLabel = "TIME",
      description =
          "Only events received at or before this RFC 3339 time, e.g. 2026-06-13T03:00:00Z.")
  String asOf;

  @Option(names = "--json", description = "The sheets as JSON (the server's result-sheet shape).")
  boolean json;

  @Option(names = "--quiet", description = "No progress on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    Instant until = asOf == null ? null : instant(asOf);
    Bundle bundle;
    try {
      bundle = Bundle.read(bundlePath);
    } catch (BundleException e) {
      throw CliException.usage(e.getMessage());
    }
    JsonNode events = bundle.manifest().path("events");
    if (!events.isArray()) {
      throw CliException.usage(bundlePath + ": the manifest lists no events");
    }
    ResultSheetFold fold = new ResultSheetFold();
    List<LedgerEvent> flagInput = new ArrayList<>();
    List<ReviewedFlag.LedgerReviewEvent> reviews = new ArrayList<>();
    Instant last = null;
    int applied = 0;
    for (JsonNode e : events) {
      String file = e.path("file").asText();
      Bytes leaf = bundle.files().get(file);
      if (leaf == null) {
        throw CliException.usage(
            bundlePath + ": event " + e.path("eventId").asText() + " has no file " + file);
      }
      JsonNode input = read(file, leaf);
      Object event = event(file, input);
      if (event == null) {
        continue;
      }
      Provenance provenance = EventFields.provenance(event);
      if (provenance != null && provenance.receivedAt() == null) {
        // Found by BundleFuzzTest: this crashed replay ("unexpected error").
        throw CliException.usage(
            bundlePath + ": " + file + ": the event's provenance has no receivedAt");
      }
      if (until != null && received(event).isAfter(until)) {
        continue;
      }
      String eventId = input.path("eventId").asText();
      if (event.getClass().getName().startsWith("org.examledger.reviews.")) {
        reviews.add(new ReviewedFlag.LedgerReviewEvent(eventId, event));
        continue;
      }
      fold.apply(eventId, event);
      Provenance p = EventFields.provenance(event);
      if (p != null) {
        // verify-bundle has checked every envelope: here an envelope means a valid signature
        flagInput.add(
            new LedgerEvent(
                eventId, event, p.signed() ? SignatureStatus.VALID : SignatureStatus.UNSIGNED));
        last = last == null || p.receivedAt().isAfter(last) ? p.receivedAt() : last;
      }
      applied++;
    }
    List<ResultSheetView> sheets = fold.sheets();
    List<ReviewedFlag> flags;
    try {
      flags =
          ReviewedFlag.of(
              flagInput.isEmpty()
                  ? List.of()
                  : new FlagEngine(FlagThresholds.defaults())
                      .evaluate(flagInput, until != null ? until : last),
              reviews);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(bundlePath + ": " + e.getMessage());
    }
    PrintWriter err = spec.commandLine().getErr();
    if (!quiet) {
      err.println(
          "replayed "
              + applied
              + " events of "
              + bundlePath
              + (until == null ? "" : " received by " + until)
              + ": "
              + sheets.size()
              + " result sheets, "
              + flags.size()
              + " flags");
      err.flush();
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(OUT.writeValueAsString(new Replayed(sheets, flags)));
    } else {
      for (ResultSheetView s : sheets) {
        text(s, out);
      }
      out.println(flags.isEmpty() ? "no flags" : flags.size() + " flags:");
      for (ReviewedFlag r : flags) {
        Flag f = r.flag();
        out.println(
            "  "
                + r.flagId()
                + " "
                + f.ruleId()
                + " "
                + f.severity()
                + " "
                + f.status()
                + ": "
                + f.explanation()
                + " (events "
                + String.join(", ", f.eventIds())
                + ")"
                + (r.resolved() == null
                    ? r.acknowledged() == null ? "" : "; acknowledged by " + r.acknowledged().by()
                    : "; resolved " + r.resolved().resolution() + " by " + r.resolved().by()));
      }
    }
    out.flush();
    return LedgerCli.OK;
  }

  private static void text(ResultSheetView s, PrintWriter out) {
    out.println(
        s.sessionId()
            + " "
            + s.candidateId()
            + "  total "
            + plain(s.total())
            + " / pass "
            + plain(s.passMark())
            + "  "
            + s.outcome()
            + "  "
            + s.status());
    for (ComponentScoreView c : s.components()) {
      out.println(
          "  "
              + c.componentId()
              + ": "
              + (c.score() == null ? "-" : plain(c.score()))
              + " of "
              + plain(c.maxScore())
              + (c.marks().size() > 1 ? "  marks " + c.marks() : "")
              + (c.adjudicated() == null ? "" : "  adjudicated " + plain(c.adjudicated()))
              + (c.recordedBy() == null ? "" : "  by " + c.recordedBy())
              + (Boolean.FALSE.equals(c.signed()) ? "  UNSIGNED" : ""));
    }
  }

  private static String plain(BigDecimal d) {
    return d == null ? "-" : d.toPlainString();
  }

  private JsonNode read(String file, Bytes leaf) {
    try {
      return EVENTS.readTree(leaf.toByteArray());
    } catch (IOException e) {
      throw CliException.usage(bundlePath + ": " + file + " is not JSON: " + e.getMessage());
    }
  }

  /** The event record, or null for an event replay does not use (e.g. key registry events). */
  private Object event(String file, JsonNode input) {
    String type = input.path("payloadType").asText();
    if (EVENT_PACKAGES.stream().noneMatch(type::startsWith)) {
      return null;
    }
    Class<?> record;
    try {
      record = Class.forName(type, false, Replay.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw CliException.usage(
          bundlePath + ": " + file + " holds an event type this tool does not know: " + type);
    }
    if (!record.isRecord()) {
      throw CliException.usage(bundlePath + ": " + file + ": " + type + " is not an event");
    }
    try {
      return EVENTS.treeToValue(input.path("payload"), record);
    } catch (IOException e) {
      throw CliException.usage(
          bundlePath
              + ": "
              + file
              + ": the payload is not a "
              + record.getSimpleName()
              + ": "
              + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  /** What replay prints with --json: the server's sheet shape and flag shape. */
  record Replayed(List<ResultSheetView> sheets, List<ReviewedFlag> flags) {}

  private static Instant received(Object event) {
    Provenance p = EventFields.provenance(event);
    return p == null ? Instant.MIN : p.receivedAt();
  }

  private static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw CliException.usage(
          "--as-of must be an RFC 3339 time such as 2026-06-13T03:00:00Z; was '" + text + "'");
    }
  }
}
