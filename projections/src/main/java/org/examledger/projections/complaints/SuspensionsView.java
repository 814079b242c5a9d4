package org.examledger.projections.complaints;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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

  /**
   * A sanction's interval: from {@code from} (inclusive) until {@code endedAt} (exclusive; null:
   * not ended).
   */
  public record Interval(Instant from, Instant endedAt) {

    /**
     * Whether the person was suspended at {@code at} by this sanction (as {@link #isSuspended}).
     */
    public boolean covers(Instant at) {
      return !from.isAfter(at) && (endedAt == null || endedAt.isAfter(at));
    }
  }

  /**
   * Every sanction interval of the person, oldest first: {@link #isSuspended} answered in memory.
   */
  public List<Interval> intervalsOf(String personId) {
    return jdbc.sql(
            "SELECT suspended_from, ended_at FROM rm_suspension WHERE person_id = ?"
                + " ORDER BY suspended_from")
        .param(personId)
        .query(
            (rs, n) -> {
              Timestamp ended = rs.getTimestamp("ended_at");
              return new Interval(
                  rs.getTimestamp("suspended_from").toInstant(),
                  ended == null ? null : ended.toInstant());
            })
        .list();
  }
}
