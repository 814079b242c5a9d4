package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The slice on the real PostgreSQL server, in a database of its own. */
class PostgresSliceIT extends AbstractSliceIT {

  private PostgresDatabase db;
  private LedgerNode node;

  @BeforeAll
  void start() {
    db = PostgresDatabase.create();
    node = LedgerNode.onPostgres(db, "slice-it-node");
    TestActors.bootstrap(node);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
    if (db != null) {
      db.close();
    }
  }

  @Override
  LedgerNode node() {
    return node;
  }

  @Test
  void eventPayloadsAreByteaNotLargeObjects() throws SQLException {
    try (Connection c = db.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "SELECT column_name, data_type FROM information_schema.columns"
                        + " WHERE table_name = 'domain_event_entry'"
                        + " AND column_name IN ('payload', 'meta_data') ORDER BY column_name")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("bytea");
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(2)).isEqualTo("bytea");
    }
  }

  @Test
  void truncateIsRefusedByTriggerWithItsMessage() throws SQLException {
    try (Connection c = db.connect()) {
      SQLException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              SQLException.class,
              () -> c.createStatement().execute("TRUNCATE TABLE domain_event_entry"));
      assertThat(e.getMessage()).contains("domain_event_entry is append-only: TRUNCATE refused");
    }
  }
}
