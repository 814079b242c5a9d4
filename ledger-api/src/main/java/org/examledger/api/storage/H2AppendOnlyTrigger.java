package org.examledger.api.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import org.h2.api.Trigger;

/**
 * H2 trigger that refuses every UPDATE and DELETE on an evidence table of the embedded database
 * (events, admitted statements, the Merkle log's tables), like the PL/pgSQL triggers do on
 * PostgreSQL. Installed by the Flyway migrations in {@code db/migration/h2}.
 */
public final class H2AppendOnlyTrigger implements Trigger {

  private String operation = "change";
  private String table = "domain_event_entry";

  @Override
  public void init(
      Connection conn, String schema, String trigger, String table, boolean before, int type) {
    // H2 folds unquoted names to upper case; the message uses the names the migrations wrote.
    this.table = table.toLowerCase(Locale.ROOT);
    operation = (type & DELETE) != 0 ? "DELETE" : "UPDATE";
    this.table = table.toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
    // SQLSTATE 42501 (insufficient privilege), the same as the PostgreSQL trigger raises.
    throw new SQLException(table + " is append-only: " + operation + " refused", "42501");
  }
}
