package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A fresh PostgreSQL database {@code bench_<suite>_<timestamp>} for one run, dropped afterwards
 * (unless kept on request), so that every run starts from an empty ledger.
 */
final class BenchDatabase implements AutoCloseable {

  private final String host;
  private final String user;
  private final String name;
  private final boolean keep;
  private final String url;

  private BenchDatabase(String host, String user, String name, boolean keep) {
    this.host = host;
    this.user = user;
    this.name = name;
    this.keep = keep;
    this.url = "jdbc:postgresql://" + host + "/" + name;
  }

  private BenchDatabase(String url, String user) {
    this.host = null;
    this.user = user;
    this.name = url;
    this.keep = true;
    this.url = url;
  }

  /** The database of a server someone else runs: used, never created or dropped. */
  static BenchDatabase existing(String jdbcUrl, String user) {
    return new BenchDatabase(jdbcUrl, user);
  }

  /**
   * @param host {@code host:port} of a PostgreSQL server accepting {@code user} without a password
   *     (trust authentication, as on the development machine and in CI)
   */
  static BenchDatabase create(String host, String user, String suite, boolean keep) {
    String stamp =
        LocalDateTime.now(ZoneOffset.UTC)
            .format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS"));
    BenchDatabase db = new BenchDatabase(host, user, "bench_" + suite + "_" + stamp, keep);
    db.admin("CREATE DATABASE " + db.name);
    return db;
  }

  /**
   * The server settings a reader of the numbers must know (the version, and what decides how much
   * work a write costs: durability, statistics, buffers), from the server at {@code host:port} (or
   * the database of {@code jdbcUrl} when the run used an external server). On this project's CI
   * machines autovacuum is off, so the planner of a fresh database has no statistics
   * (docs/operations.md, "PostgreSQL: collation and maintenance").
   */
  static ObjectNode serverSettings(String hostOrNull, String jdbcUrlOrNull, String user) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    String url =
        jdbcUrlOrNull != null ? jdbcUrlOrNull : "jdbc:postgresql://" + hostOrNull + "/postgres";
    try (Connection c = DriverManager.getConnection(url, user, "");
        PreparedStatement s =
            c.prepareStatement(
                "SELECT name, setting FROM pg_settings WHERE name = ANY (?) ORDER BY name")) {
      o.put("version", c.getMetaData().getDatabaseProductVersion());
      s.setArray(1, c.createArrayOf("text", SETTINGS));
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          o.put(rs.getString(1), rs.getString(2));
        }
      }
    } catch (SQLException e) {
      o.put("unavailable", "PostgreSQL at " + url + ": " + e.getMessage());
    }
    return o;
  }

  private static final String[] SETTINGS = {
    "autovacuum",
    "fsync",
    "synchronous_commit",
    "full_page_writes",
    "shared_buffers",
    "max_connections",
    "lc_collate",
    "shared_preload_libraries"
  };

  String name() {
    return name;
  }

  String url() {
    return url;
  }

  String user() {
    return user;
  }

  /** Whether closing leaves the database in place (kept for a look, or not ours). */
  boolean kept() {
    return keep;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url(), user, "");
  }

  @Override
  public void close() {
    if (!keep) {
      admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }

  private void admin(String sql) {
    String url = "jdbc:postgresql://" + host + "/postgres";
    try (Connection c = DriverManager.getConnection(url, user, "");
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at " + url + " refused '" + sql + "' (is the server running?)", e);
    }
  }
}
