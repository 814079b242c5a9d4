package org.examledger.exam;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.axonframework.serialization.Revision;
import org.examledger.complaints.ComplaintCase;
import org.examledger.reviews.FlagReview;

/**
 * Builds docs/events.md from the event records themselves, so that the catalogue cannot drift from
 * the code ({@code EventCatalogueTest} compares them).
 */
final class EventCatalogue {

  private EventCatalogue() {}

  /**
   * Every record in org.examledger.exam and org.examledger.complaints that carries
   * {@code @Revision}: the events, the exam's first.
   */
  static List<Class<?>> eventClasses() {
    return Stream.of(
            eventsBeside(ExamSession.class),
            eventsBeside(ComplaintCase.class),
            eventsBeside(FlagReview.class))
        .flatMap(s -> s)
        .toList();
  }

  private static Stream<Class<?>> eventsBeside(Class<?> aggregate) {
    try {
      Path dir =
          Path.of(aggregate.getResource(aggregate.getSimpleName() + ".class").toURI()).getParent();
      String pkg = aggregate.getPackageName() + ".";
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$"))
            .<Class<?>>map(n -> load(pkg + n.substring(0, n.length() - 6)))
            .filter(c -> c.isRecord() && c.isAnnotationPresent(Revision.class))
            .sorted(Comparator.comparing(Class::getSimpleName))
            .collect(Collectors.toList())
            .stream();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("# Event catalogue\n\n")
        .append("Every event the ledger stores, generated from the records in")
        .append(
            " `org.examledger.exam` and `org.examledger.complaints` (`EventCatalogueTest` fails when this file and the code")
        .append(" differ; regenerate with `./mvnw -pl ledger-core test -Dtest=EventCatalogueTest")
        .append(" -Dgolden.write=true`). Every event carries `provenance`: the actor who made")
        .append(" the statement (and signs it), the submitter, the time the ledger received it and")
        .append(
            " the actor's signed envelope (absent for an unsigned entry). The canonical JSON of")
        .append(" each revision is pinned in `ledger-core/src/test/resources/exam/golden/`.\n\n")
        .append("| event | revision | fields | signed by |\n|---|---|---|---|\n");
    for (Class<?> type : eventClasses()) {
      String fields =
          Stream.of(type.getRecordComponents())
              .map(EventCatalogue::field)
              .collect(Collectors.joining(", "));
      md.append("| `")
          .append(type.getSimpleName())
          .append("` | ")
          .append(type.getAnnotation(Revision.class).value())
          .append(" | ")
          .append(fields)
          .append(" | ")
          .append(signer(type.getSimpleName()))
          .append(" |\n");
    }
    return md.append(REVISIONS).toString();
  }

  /** The fixed part after the table: how revisions change (ADR 0019). */
  private static final String REVISIONS =
      """

      ## Revisions and upcasters

      An event's shape is its revision (Axon's `@Revision`, stored in `payload_revision`). A change
      of fields is a new revision with its own golden file (`NAME.vN.json`; the older goldens stay),
      and an **upcaster** in `org.examledger.exam.upcasting` (an Axon `SingleEventUpcaster`, listed
      in `LedgerUpcasters` and given to the event storage engine by `AxonStorageConfiguration`)
      that turns the older revision into the new one whenever the event is read: by aggregates, by
      the tracking processors (projections, flags, the sequencer) and by the history views.

      What is stored never changes. Events written before the change keep their stored bytes and
      their old revision; the leaf of each event is the hash of the stored row (docs/formats/leaf.md),
      so the log, the checkpoints and `./ledger verify` are the same before and after an upgrade.
      The upcast form exists only in memory. An offline auditor reading the event table or an
      evidence bundle sees each event as it was stored, in its revision.

      | event | revision change | upcaster | what handlers see for the older revision |
      |---|---|---|---|
      | `CandidateNoticeReadEvent` | 1 → 2: `method` added (`READ_ALOUD`, `RECORDING_PLAYED`) | `CandidateNoticeReadEventUpcaster` | `method: READ_ALOUD`, the only way revision 1 recorded |

      Golden files of a revision change (`ledger-core/src/test/resources/upcasting/`, test
      `CandidateNoticeReadEventUpcasterTest`): the revision-1 payload bytes as stored, the upcast
      form, and the leaf of the stored row computed independently. `UpcastingIT` stores such a row
      in PostgreSQL as an older version would have and shows the aggregate, the projections and the
      history reading it as revision 2 while `./ledger verify` passes. Decision record:
      [ADR 0019](adr/0019-event-revisions-and-upcasters.md).
      """;

  private static String field(RecordComponent c) {
    return "`"
        + c.getName()
        + "`: "
        + c.getGenericType().getTypeName().replaceAll("[a-z.]+\\.", "");
  }

  /** Who makes (and signs) each statement: the actor in its provenance. */
  static String signer(String event) {
    switch (event) {
      case "ComplaintFiledEvent":
        return "station staff, or a supervisor (complaint made directly to the centre)";
      case "InvestigatorAssignedEvent", "ComplaintReopenedEvent":
        return "supervisor";
      case "EvidenceLinkedEvent":
        return "investigating supervisor or station staff";
      case "ComplaintReferredEvent", "ComplaintDecidedEvent", "RespondentSuspendedEvent":
        return "investigating supervisor";
      case "SanctionRescindedEvent":
        return "investigating supervisor (dismissal after a reopening)";
      case "SuspensionPeriodEndedEvent":
        return "nobody: the ledger (persistent deadline), unsigned";
      case "SelfCriticismSubmittedEvent":
        return "the suspended person";
      case "ReinstatementApprovedEvent":
        return "station administrator, then supervisor (by policy)";
      case "RespondentReinstatedEvent":
        return "the upper-level approver";
      case "FlagAcknowledgedEvent", "FlagResolvedEvent":
        return "supervisor";
      case "SuspendedActorStatementRecordedEvent":
        return "the suspended person (kept as evidence only)";
      default:
        break;
    }
    if (event.startsWith("Score") || event.startsWith("IndependentMark")) {
      return event.equals("ScoreAdjudicatedEvent") ? "chief examiner" : "assigned examiner";
    }
    if (event.startsWith("CandidateNotice")
        || event.startsWith("ProhibitedItems")
        || event.startsWith("Incident")
        || event.startsWith("IdentityChecked")) {
      return "assigned proctor";
    }
    if (event.equals("SessionStartedEvent") || event.equals("SessionEndedEvent")) {
      return "proctor or station administrator";
    }
    if (event.equals("ResultSheetLockedEvent")) {
      return "reviewer (station)";
    }
    return "station administrator";
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
