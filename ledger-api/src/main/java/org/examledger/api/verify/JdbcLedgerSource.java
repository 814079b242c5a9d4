package org.examledger.api.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Consumer;
import org.examledger.bytes.Bytes;
import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.Hash;
import org.examledger.verify.LedgerEntry;
import org.examledger.verify.LedgerSource;
import org.examledger.verify.StoredCheckpointNote;

/**
 * Streams the event table, the leaves and the checkpoints from one JDBC connection, in the orders
 * {@link LedgerSource} promises. Reads in one read-only transaction, so the three reads see one
 * state on PostgreSQL, and with a fetch size, so a large table is not loaded into memory.
 */
final class JdbcLedgerSource implements LedgerSource {

  private static final int FETCH_SIZE = 4_096;

  private static final String EVENT_COLUMNS =
      "e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number, e.payload_type,"
          + " e.payload_revision, e.time_stamp, e.payload, e.meta_data";

  private final Connection connection;

  JdbcLedgerSource(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void keyEvents(Consumer<StoredEvent> consumer) {
    query(
        "SELECT "
            + EVENT_COLUMNS
            + " FROM domain_event_entry e WHERE e.payload_type IN (?, ?) ORDER BY e.global_index",
        rs -> consumer.accept(event(rs)),
        KEY_EVENT_TYPES.toArray(Object[]::new));
  }

  @Override
  public void entries(Consumer<LedgerEntry> consumer) {
    query(
        "SELECT l.leaf_index, l.event_identifier AS leaf_event, l.leaf_hash, "
            + EVENT_COLUMNS
            + " FROM ledger_leaf l LEFT JOIN domain_event_entry e"
            + " ON e.event_identifier = l.event_identifier ORDER BY l.leaf_index",
        rs ->
            consumer.accept(
                new LedgerEntry(
                    rs.getLong("leaf_index"),
                    rs.getString("leaf_event"),
                    Hash.of(Bytes.of(rs.getBytes("leaf_hash"))),
                    rs.getString("event_identifier") == null ? null : event(rs))));
    query(
        "SELECT "
            + EVENT_COLUMNS
            + " FROM domain_event_entry e WHERE NOT EXISTS (SELECT 1 FROM ledger_leaf l"
            + " WHERE l.event_identifier = e.event_identifier) ORDER BY e.global_index",
        rs -> consumer.accept(new LedgerEntry(null, null, null, event(rs))));
  }

  @Override
  public void checkpoints(Consumer<StoredCheckpointNote> consumer) {
    query(
        "SELECT tree_size, root_hash, note FROM ledger_checkpoint ORDER BY tree_size",
        rs ->
            consumer.accept(
                new StoredCheckpointNote(
                    rs.getLong("tree_size"),
                    Hash.of(Bytes.of(rs.getBytes("root_hash"))),
                    rs.getString("note"))));
  }

  /** The note of the smallest stored checkpoint, or null when there is none. */
  String firstCheckpointNote() {
    String[] first = new String[1];
    query(
        "SELECT note FROM ledger_checkpoint ORDER BY tree_size FETCH FIRST 1 ROWS ONLY",
        rs -> first[0] = rs.getString("note"));
    return first[0];
  }

  private static StoredEvent event(ResultSet rs) throws SQLException {
    byte[] metaData = rs.getBytes("meta_data");
    return new StoredEvent(
        rs.getString("event_identifier"),
        rs.getString("type"),
        rs.getString("aggregate_identifier"),
        rs.getLong("sequence_number"),
        rs.getString("payload_type"),
        rs.getString("payload_revision"),
        rs.getString("time_stamp"),
        Bytes.of(rs.getBytes("payload")),
        metaData == null ? null : Bytes.of(metaData));
  }

  private interface RowHandler {
    void handle(ResultSet rs) throws SQLException;
  }

  private void query(String sql, RowHandler handler, Object... params) {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setFetchSize(FETCH_SIZE);
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          handler.handle(rs);
        }
      }
    } catch (SQLException e) {
      throw new LedgerReadException("cannot read the ledger (" + sql + "): " + e.getMessage(), e);
    }
  }
}
