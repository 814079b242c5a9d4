package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The grants documented in docs/sql/app-role-grants.sql are enough to run the service, and leave
 * the service's role unable to change or remove an event.
 */
class PostgresGrantsIT {

  @Test
  void serviceRunsAsInsertAndReadOnlyRoleThatCannotRewriteEvents() throws Exception {
    String role = "ledger_it_app_" + ProcessHandle.current().pid();
    try (PostgresDatabase db = PostgresDatabase.create()) {
      // the owner (here the superuser) migrates the schema
      LedgerNode.onPostgres(db, "grants-owner").close();
      try (Connection c = db.connect();
          Statement s = c.createStatement()) {
        s.execute("DROP ROLE IF EXISTS " + role);
        s.execute("CREATE ROLE " + role + " LOGIN");
        s.execute(grantsFor(role));
      }
      try {
        try (LedgerNode node =
            LedgerNode.start(
                Map.of(
                    "spring.datasource.url", db.url(),
                    "spring.datasource.username", role,
                    "spring.datasource.password", "",
                    "spring.flyway.enabled", "false",
                    "ledger.node-id", "grants-app"))) {
          TestActors.bootstrap(node);
          assertThat(node.post("/api/v1/sessions", AbstractSliceIT.scheduleBody("S-G")).status())
              .isEqualTo(201);
          assertThat(
                  node.post(
                          "/api/v1/sessions/S-G/candidates",
                          AbstractSliceIT.registerBody("S-G", "C-1"))
                      .status())
              .isEqualTo(201);
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> node.get("/api/v1/sessions/S-G/candidates/C-1/result-sheet").status(),
                  status -> status == 200);
          // the sequencer and the checkpoint publisher also work with these grants: two key events
          // of bootstrap, the schedule and the registration
          await()
              .atMost(Duration.ofSeconds(20))
              .until(
                  () -> node.get("/api/v1/log/checkpoint").body().split("\n")[1],
                  size -> size.equals("4"));
        }
        try (Connection app = DriverManager.getConnection(db.url(), role, "");
            Statement s = app.createStatement()) {
          assertThatThrownBy(() -> s.executeUpdate("UPDATE domain_event_entry SET type = 'x'"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
          assertThatThrownBy(() -> s.executeUpdate("DELETE FROM domain_event_entry"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
          assertThatThrownBy(() -> s.executeUpdate("DELETE FROM admitted_statement"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("permission denied");
          assertThatThrownBy(() -> s.execute("ALTER TABLE domain_event_entry DISABLE TRIGGER ALL"))
              .isInstanceOf(SQLException.class)
              .hasMessageContaining("must be owner");
        }
      } finally {
        try (Connection c = db.connect();
            Statement s = c.createStatement()) {
          s.execute("DROP OWNED BY " + role);
        }
        db.close();
        try (Connection c =
                DriverManager.getConnection(
                    db.url().replaceAll("/[^/]+$", "/postgres"), PostgresDatabase.USER, "");
            Statement s = c.createStatement()) {
          s.execute("DROP ROLE IF EXISTS " + role);
        }
      }
    }
  }

  private static String grantsFor(String role) throws IOException {
    Path file = Path.of("..", "docs", "sql", "app-role-grants.sql");
    return Files.readString(file).replace(":app", role);
  }
}
