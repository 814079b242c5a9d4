package org.examledger.api.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh database on the real PostgreSQL server for one test class, dropped afterwards. The server
 * is the one CI starts (127.0.0.1:5432, trust authentication, user postgres); override with
 * LEDGER_TEST_PG_HOST / LEDGER_TEST_PG_PORT / LEDGER_TEST_PG_USER.
 */
public final class PostgresDatabase implements AutoCloseable {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String HOST = env("LEDGER_TEST_PG_HOST", "127.0.0.1");
  private static final String PORT = env("LEDGER_TEST_PG_PORT", "5432");
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

  public String url() {
    return "jdbc:postgresql://" + HOST + ":" + PORT + "/" + name;
  }

  public String user() {
    return USER;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), USER, "");
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
