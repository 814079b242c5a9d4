package org.examledger.api.seal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.examledger.bytes.Bytes;
import org.examledger.ledger.StoredEvent;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads event rows from {@code domain_event_entry} exactly as stored, for leaf encoding. */
public final class StoredEvents {

  /** An event row and its position in the event store. */
  public record Row(long globalIndex, StoredEvent event) {}

  static final String COLUMNS =
      "e.global_index, e.event_identifier, e.type, e.aggregate_identifier, e.sequence_number,"
          + " e.payload_type, e.payload_revision, e.time_stamp, e.payload, e.meta_data";

  private final JdbcTemplate jdbc;

  public StoredEvents(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Row> byEventIdentifier(String eventIdentifier) {
    List<Row> rows =
        jdbc.query(
            "SELECT " + COLUMNS + " FROM domain_event_entry e WHERE e.event_identifier = ?",
            (rs, n) -> row(rs),
            eventIdentifier);
    return rows.stream().findFirst();
  }

  /** Maps the {@link #COLUMNS} of the current row. */
  static Row row(ResultSet rs) throws SQLException {
    byte[] metaData = rs.getBytes("meta_data");
    return new Row(
        rs.getLong("global_index"),
        new StoredEvent(
            rs.getString("event_identifier"),
            rs.getString("type"),
            rs.getString("aggregate_identifier"),
            rs.getLong("sequence_number"),
            rs.getString("payload_type"),
            rs.getString("payload_revision"),
            rs.getString("time_stamp"),
            Bytes.of(rs.getBytes("payload")),
            metaData == null ? null : Bytes.of(metaData)));
  }
}
