package org.examledger.bench.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** One result file: the suite, the command, the machine, the settings and the numbers. */
final class Report {

  private final ObjectNode root = JsonNodeFactory.instance.objectNode();
  private final ObjectNode results = JsonNodeFactory.instance.objectNode();
  private final ObjectNode notes = JsonNodeFactory.instance.objectNode();

  Report(String suite, List<String> args) {
    root.put("suite", suite);
    root.put("command", "./ledger bench " + suite + " " + String.join(" ", args));
    root.put("startedAt", Instant.now().toString());
    root.set("machine", Machine.describe());
  }

  ObjectNode results() {
    return results;
  }

  /** The PostgreSQL server's settings the run used ({@link BenchDatabase#serverSettings}). */
  void database(ObjectNode settings) {
    root.set("database", settings);
  }

  /** A sentence the reader of the numbers must know (what was not measured, a gap, a caveat). */
  void note(String key, String text) {
    notes.put(key, text);
  }

  void write(Path out, Options options) throws IOException {
    root.put("finishedAt", Instant.now().toString());
    root.set("settings", options.toJson());
    root.set("results", results);
    root.set("notes", notes);
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(
        out,
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root)
            + "\n");
  }
}
