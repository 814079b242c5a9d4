package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The migrated PostgreSQL schema compares its keys bytewise (migration V105): every text column in
 * an index is {@code COLLATE "C"}, whatever the database's default collation, and the columns
 * outside every index keep it.
 */
class PostgresSchemaIT {

  private static final String TEXT_COLUMNS =
      "SELECT c.relname || '.' || a.attname, co.collname,"
          + " EXISTS (SELECT 1 FROM pg_index x WHERE x.indrelid = c.oid"
          + " AND a.attnum = ANY (x.indkey)) AS indexed"
          + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
          + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped"
          + " JOIN pg_collation co ON co.oid = a.attcollation"
          + " WHERE n.nspname = current_schema() AND c.relkind = 'r'"
          + " AND c.relname <> 'flyway_schema_history'"
          + " AND a.atttypid IN ('text'::regtype, 'varchar'::regtype, 'bpchar'::regtype)"
          + " ORDER BY 1";

  @Test
  void everyIndexedTextColumnComparesBytewise() throws Exception {
    List<String> indexedNotC = new ArrayList<>();
    List<String> indexed = new ArrayList<>();
    List<String> unindexedC = new ArrayList<>();
    try (PostgresDatabase db = PostgresDatabase.create()) {
      LedgerNode.onPostgres(db, "schema").close();
      try (Connection c = db.connect();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery(TEXT_COLUMNS)) {
        while (rs.next()) {
          String column = rs.getString(1);
          boolean isC = rs.getString(2).equals("C");
          if (rs.getBoolean(3)) {
            indexed.add(column);
            if (!isC) {
              indexedNotC.add(column + " (" + rs.getString(2) + ")");
            }
          } else if (isC) {
            unindexedC.add(column);
          }
        }
      }
    }
    assertThat(indexed)
        .contains(
            "admitted_statement.statement_hash",
            "domain_event_entry.aggregate_identifier",
            "domain_event_entry.event_identifier",
            "ledger_leaf.event_identifier",
            "rm_component_score.session_id",
            "token_entry.processor_name");
    assertThat(indexedNotC).as("indexed text columns without COLLATE \"C\"").isEmpty();
    assertThat(unindexedC).as("display columns keep the database's collation").isEmpty();
  }
}
