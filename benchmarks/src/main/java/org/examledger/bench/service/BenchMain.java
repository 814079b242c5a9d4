package org.examledger.bench.service;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./ledger bench SUITE --out FILE.json [--option value ...]} for the service suites (the
 * launcher runs JMH itself for {@code micro}). Exit 0 when the result file is written, 1 when the
 * run failed, 2 on bad options.
 */
public final class BenchMain {

  static final String SUITES = "load, seal, verify, rebuild, proofs";

  private BenchMain() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length == 0) {
      System.err.println("ledger bench: which suite? (" + SUITES + ")");
      return 2;
    }
    String suite = args[0];
    List<String> rest = new ArrayList<>(List.of(args).subList(1, args.length));
    Path out = null;
    List<String> options = new ArrayList<>();
    for (int i = 0; i < rest.size(); i++) {
      if (rest.get(i).equals("--out") && i + 1 < rest.size()) {
        out = Path.of(rest.get(++i));
      } else {
        options.add(rest.get(i));
      }
    }
    if (out == null) {
      System.err.println("ledger bench: " + suite + " needs --out FILE.json");
      return 2;
    }
    Options parsed;
    Report report = new Report(suite, options);
    try {
      parsed = new Options(options);
    } catch (IllegalArgumentException e) {
      System.err.println("ledger bench: " + e.getMessage());
      return 2;
    }
    try {
      switch (suite) {
        case "load" -> LoadSuite.run(parsed, report);
        case "seal" -> SealSuite.run(parsed, report);
        case "verify" -> VerifySuite.run(parsed, report);
        case "rebuild" -> RebuildSuite.run(parsed, report);
        case "proofs" -> ProofsSuite.run(parsed, report);
        default -> {
          System.err.println("ledger bench: unknown suite '" + suite + "' (" + SUITES + ", micro)");
          return 2;
        }
      }
      report.database(
          BenchDatabase.serverSettings(
              parsed.text("pg-host", "127.0.0.1:5432"),
              parsed.text("db-url", null),
              parsed.text("pg-user", "postgres")));
      parsed.checkAllUsed();
      report.write(out, parsed);
      System.err.println("ledger bench: " + suite + " results in " + out);
      return 0;
    } catch (IllegalArgumentException e) {
      System.err.println("ledger bench: " + e.getMessage());
      return 2;
    } catch (Exception e) {
      System.err.println("ledger bench: " + suite + " failed: " + e);
      e.printStackTrace();
      return 1;
    }
  }

  static void progress(String message) {
    System.err.println("ledger bench: " + message);
  }
}
