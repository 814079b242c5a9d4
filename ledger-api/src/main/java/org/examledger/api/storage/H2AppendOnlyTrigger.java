package org.examledger.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on the event table of the embedded database, like
 * the PL/pgSQL trigger does on PostgreSQL. Installed by Flyway migration {@code h2/V2}.
 */
public final class H2AppendOnlyTrigger implements Trigger {

  private String operation = "change";

  @Override
  public void init(
      Connection conn, String schema, String trigger, String table, boolean before, int type) {
    operation = (type & DELETE) != 0 ? "DELETE" : "UPDATE";
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    // SQLSTATE 42501 (insufficient privilege), the same as the PostgreSQL trigger raises.
    throw new SQLException("domain_event_entry is append-only: " + operation + " refused", "42501");
  }
}
