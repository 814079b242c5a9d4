package org.examledger.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on an evidence table (events, admitted
 * statements) of the embedded database, like the PL/pgSQL trigger does on PostgreSQL. Installed by
 * Flyway migration {@code h2/V2}.
 */
public final class H2AppendOnlyTrigger implements Trigger {

  private String operation = "change";
  private String table = "domain_event_entry";

  @Override
  public void init(
      Connection conn, String schema, String trigger, String table, boolean before, int type) {
    operation = (type & DELETE) != 0 ? "DELETE" : "UPDATE";
    this.table = table.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    // SQLSTATE 42501 (insufficient privilege), the same as the PostgreSQL trigger raises.
    throw new SQLException(table + " is append-only: " + operation + " refused", "42501");
  }
}
