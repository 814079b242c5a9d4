package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One measured service: a fresh bench database and the ledger started on it (or the server given
 * with {@code --server} and its database with {@code --db-url}), with the station's accounts and
 * keys in place. Closing stops the server, drops the database and deletes the server's data folder
 * (its log key and log), unless {@code --keep-database true} keeps both for a look.
 */
final class ServiceRun implements AutoCloseable {

  final BenchDatabase database;
  final LedgerServer server;
  final Http http;
  final Station station;
  final boolean ownServer;

  /**
   * The started server's data folder (its log key and log), deleted with the database; null for a
   * server given.
   */
  final Path dataDir;

  private ServiceRun(
      BenchDatabase database, LedgerServer server, Station station, boolean own, Path dataDir) {
    this.database = database;
    this.server = server;
    this.http = new Http(server.url());
    this.station = station;
    this.ownServer = own;
    this.dataDir = dataDir;
  }

  /** Reads the service options shared by every suite. */
  static ServiceRun start(Options options, String suite, Station station, List<String> properties)
      throws Exception {
    String pgHost = options.text("pg-host", "127.0.0.1:5432");
    String pgUser = options.text("pg-user", "postgres");
    String external = options.text("server", null);
    Path jar = Path.of(options.text("jar", "ledger-api/target/ledger.jar"));
    if (external != null) {
      String dbUrl = options.text("db-url", null);
      if (dbUrl == null) {
        throw new IllegalArgumentException(
            "--server needs --db-url JDBC_URL of its database (the bench writes its accounts there)");
      }
      BenchDatabase db = BenchDatabase.existing(dbUrl, pgUser);
      LedgerServer server = LedgerServer.external(external, db);
      return prepare(db, server, station, false, null);
    }
    List<String> jvm = split(options.text("server-jvm", "-Xmx2g"));
    boolean keep = options.flag("keep-database", false);
    List<String> props = new ArrayList<>(properties);
    props.addAll(split(options.text("server-properties", "")));
    BenchDatabase db = BenchDatabase.create(pgHost, pgUser, suite, keep);
    Path dataDir = Files.createTempDirectory("ledger-bench-");
    try {
      LedgerServer server = LedgerServer.start(jar, db, dataDir, jvm, props);
      try {
        return prepare(db, server, station, true, dataDir);
      } catch (Exception | Error e) {
        server.close();
        throw e;
      }
    } catch (Exception | Error e) {
      db.close();
      deleteTree(keep ? null : dataDir);
      throw e;
    }
  }

  private static ServiceRun prepare(
      BenchDatabase db, LedgerServer server, Station station, boolean own, Path dataDir)
      throws Exception {
    server.addAccounts(station.accounts());
    ServiceRun run = new ServiceRun(db, server, station, own, dataDir);
    station.registerKeys(run.http);
    // Each account's first request pays one BCrypt check (cost 10); done here, before any clock
    // starts, rather than inside a measured window (it put p99 at seconds at 32 clients).
    for (String[] account : station.accounts()) {
      run.http.get("/api/v1/log/key", account[0]);
    }
    return run;
  }

  static List<String> split(String text) {
    return text == null || text.isBlank()
        ? List.of()
        : Arrays.stream(text.trim().split("\\s+")).toList();
  }

  /**
   * The stored events and the Merkle log's leaves now, and the sequencer's complaints in the server
   * log: a load whose events are not being sealed is not the load the numbers claim.
   */
  ObjectNode logState() throws Exception {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    try (Connection c = database.connect();
        Statement s = c.createStatement();
        ResultSet r =
            s.executeQuery(
                "SELECT (SELECT COUNT(*) FROM domain_event_entry),"
                    + " (SELECT tree_size FROM ledger_log_state WHERE id = 1),"
                    + " (SELECT MAX(tree_size) FROM ledger_checkpoint)")) {
      r.next();
      json.put("storedEvents", r.getLong(1));
      json.put("leaves", r.getLong(2));
      json.put("largestCheckpoint", r.getLong(3));
    }
    json.set("sequencerPositionMismatch", server.logLines("was delivered at position"));
    json.set("catchUpSweepLeaves", server.logLines("the catch-up sweep made it leaf"));
    return json;
  }

  /**
   * Waits until a signed checkpoint covers every event stored now, polling every 100 ms for at most
   * {@code limit}.
   *
   * @return the seconds it took, or -1 when {@code limit} passed first
   */
  double secondsUntilCheckpointed(Duration limit) throws Exception {
    long start = System.nanoTime();
    try (Connection c = database.connect();
        Statement s = c.createStatement()) {
      long stored;
      try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM domain_event_entry")) {
        r.next();
        stored = r.getLong(1);
      }
      while (System.nanoTime() - start < limit.toNanos()) {
        try (ResultSet r = s.executeQuery("SELECT MAX(tree_size) FROM ledger_checkpoint")) {
          r.next();
          if (r.getLong(1) >= stored) {
            return (System.nanoTime() - start) / 1e9;
          }
        }
        Thread.sleep(100);
      }
    }
    return -1;
  }

  /** Stops the server, keeping its database (to be read offline before {@link #close}). */
  void stopServer() throws InterruptedException {
    server.close();
  }

  @Override
  public void close() throws Exception {
    try {
      server.close();
    } finally {
      if (ownServer) {
        database.close();
      }
      deleteTree(database.kept() ? null : dataDir);
    }
  }

  /** Deletes a server's data folder and everything in it; nothing when {@code dir} is null. */
  static void deleteTree(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the server's data folder " + dir, e);
    }
  }
}
