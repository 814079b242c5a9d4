package org.examledger.projections.complaints;

import java.sql.Timestamp;
import java.time.Instant;
import org.examledger.exam.SuspensionRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The exam domain's {@link SuspensionRegistry}, answered from {@code rm_suspension}: a person is
 * suspended at {@code t} when a sanction began at or before {@code t} and had not ended (by
 * reinstatement or rescission) by {@code t}. Awaiting reinstatement still counts as suspended.
 */
public class SuspensionsView implements SuspensionRegistry {

  private final JdbcClient jdbc;

  public SuspensionsView(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean isSuspended(String personId, Instant at) {
    Timestamp t = Timestamp.from(at);
    return jdbc.sql(
                "SELECT COUNT(*) FROM rm_suspension WHERE person_id = ? AND suspended_from <= ?"
                    + " AND (ended_at IS NULL OR ended_at > ?)")
            .params(personId, t, t)
            .query(Long.class)
            .single()
        > 0;
  }
}
