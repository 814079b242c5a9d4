package org.examledger.api.it;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the real PostgreSQL server for one test class, dropped afterwards. The server
 * is the one CI starts (127.0.0.1:5432, trust authentication, user postgres); override with
 * LEDGER_TEST_PG_HOST / LEDGER_TEST_PG_PORT / LEDGER_TEST_PG_USER.
 */
public final class PostgresDatabase implements AutoCloseable {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  static final String HOST = env("LEDGER_TEST_PG_HOST", "127.0.0.1");
  static final String PORT = env("LEDGER_TEST_PG_PORT", "5432");
  static final String USER = env("LEDGER_TEST_PG_USER", "postgres");

  private final String name;

  private PostgresDatabase(String name) {
    this.name = name;
  }

  /** Creates {@code ledger_it_<pid>_<n>}: unique per JVM and per call. */
  public static PostgresDatabase create() {
    String name = "ledger_it_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    admin("CREATE DATABASE " + name);
    return new PostgresDatabase(name);
  }

  /** The database's name, for the PostgreSQL tools (pg_dump, pg_restore). */
  public String name() {
    return name;
  }

  public String url() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  public String user() {
    return USER;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, "");
  }

  /** The settings of a {@link LedgerNode} on this database with its own data folder (log key). */
  public Map<String, String> nodeSettings(String nodeId, Path dataDir) {
    return LedgerNode.postgresSettings(this, nodeId, dataDir);
  }

  /**
   * Waits until every stored event has a leaf and the newest signed checkpoint covers them all
   * (call it after the writes were acknowledged); returns that size.
   */
  public long awaitSealed(Duration atMost) {
    long[] size = new long[1];
    await()
        .atMost(atMost)
        .until(
            () -> {
              try (Connection c = connect();
                  Statement s = c.createStatement();
                  ResultSet rs =
                      s.executeQuery(
                          "SELECT (SELECT COUNT(*) FROM domain_event_entry),"
                              + " (SELECT COUNT(*) FROM ledger_leaf),"
                              + " (SELECT COALESCE(MAX(tree_size), -1) FROM ledger_checkpoint)")) {
                rs.next();
                size[0] = rs.getLong(1);
                return rs.getLong(2) == size[0] && rs.getLong(3) == size[0];
              }
            });
    return size[0];
  }

  @Override
  public void close() {
    admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    String url = "jdbc:postgresql://" + HOST + ":" + PORT + "/postgres";
    try (Connection c = DriverManager.getConnection(url, USER, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + url + " refused '" + sql + "' (is the server running?)", e);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
