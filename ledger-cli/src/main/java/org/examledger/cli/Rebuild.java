package org.examledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger rebuild}: asks a running server to rebuild its projections and follows it. */
@Command(
    name = "rebuild",
    mixinStandardHelpOptions = true,
    header = "Rebuild a server's projections from its events, and wait until they have caught up.",
    description = {
      "Asks the server (POST /api/v1/admin/projections/.../rebuild) to rebuild one tracking",
      "projection (--projection NAME) or all of them: their tables are emptied and every event is",
      "replayed, while the server keeps answering (reads say which views are rebuilding in the",
      "Ledger-Views-Rebuilding header). Progress is printed until every rebuilt projection has",
      "caught up; --no-wait returns at once. Exit 0 when done, 1 when the server refuses",
      "(e.g. a projection kept in each event's transaction), 2 on bad input. Sign in as a",
      "STATION_ADMIN (--user, and --password-file or LEDGER_PASSWORD)."
    })
final class Rebuild implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ServerLogin login;

  @Option(
      names = "--projection",
      paramLabel = "NAME",
      description =
          "One projection, e.g. result-sheets (GET /api/v1/admin/projections lists them).")
  String projection;

  @Option(names = "--no-wait", description = "Return once the rebuild has started.")
  boolean noWait;

  @Option(
      names = "--timeout",
      paramLabel = "SECONDS",
      defaultValue = "600",
      description = "Give up waiting after this long (default: ${DEFAULT-VALUE}).")
  long timeoutSeconds;

  @Option(names = "--quiet", description = "No progress on standard error.")
  boolean quiet;

  @Override
  public Integer call() throws InterruptedException {
    Http http = login.http();
    Progress progress = new Progress(spec.commandLine().getErr(), quiet);
    String path =
        projection == null
            ? "/api/v1/admin/projections/rebuild"
            : "/api/v1/admin/projections/" + projection + "/rebuild";
    Http.Answer started = http.postJson(path, new byte[0]);
    if (!started.ok()) {
      throw CliException.failed("refused: " + started.problemLine());
    }
    progress.step("rebuild started: " + names(started.json("rebuild answer")));
    if (noWait) {
      return LedgerCli.OK;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
    while (true) {
      JsonNode all = http.getOk("/api/v1/admin/projections").json("projection list");
      StringBuilder line = new StringBuilder();
      boolean busy = false;
      for (JsonNode p : all) {
        String name = p.path("name").asText();
        if (!p.path("mode").asText().equals("TRACKING")
            || projection != null && !projection.equals(name)) {
          continue;
        }
        boolean replaying = p.path("replaying").asBoolean();
        busy |= replaying;
        line.append(line.isEmpty() ? "" : ", ")
            .append(name)
            .append(' ')
            .append(
                replaying
                    ? Math.round(100 * p.path("progress").asDouble(0)) + "%"
                    : "caught up at " + p.path("position").asText());
      }
      progress.step(line.toString());
      if (!busy) {
        spec.commandLine().getOut().println("rebuilt: " + line);
        return LedgerCli.OK;
      }
      if (System.nanoTime() > deadline) {
        throw CliException.failed("still rebuilding after " + timeoutSeconds + " s: " + line);
      }
      Thread.sleep(1000);
    }
  }

  private static String names(JsonNode answer) {
    return answer.isArray()
        ? answer.findValuesAsText("name").toString()
        : answer.path("name").asText();
  }
}
