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

/**
 * Builds docs/events.md from the event records themselves, so that the catalogue cannot drift from
 * the code ({@code EventCatalogueTest} compares them).
 */
final class EventCatalogue {

  private EventCatalogue() {}

  /** Every record in org.examledger.exam that carries {@code @Revision}: the events. */
  static List<Class<?>> eventClasses() {
    try {
      Path dir = Path.of(ExamSession.class.getResource("ExamSession.class").toURI()).getParent();
      try (Stream<Path> files = Files.list(dir)) {
        return files
            .map(p -> p.getFileName().toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$"))
            .map(n -> load("org.examledger.exam." + n.substring(0, n.length() - 6)))
            .filter(c -> c.isRecord() && c.isAnnotationPresent(Revision.class))
            .sorted(Comparator.comparing(Class::getSimpleName))
            .collect(Collectors.toList());
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
        .append(" `org.examledger.exam` (`EventCatalogueTest` fails when this file and the code")
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
    return md.toString();
  }

  private static String field(RecordComponent c) {
    return "`"
        + c.getName()
        + "`: "
        + c.getGenericType().getTypeName().replaceAll("[a-z.]+\\.", "");
  }

  /** Who makes (and signs) each statement: the actor in its provenance. */
  static String signer(String event) {
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
