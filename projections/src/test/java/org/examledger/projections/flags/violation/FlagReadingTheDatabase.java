package org.examledger.projections.flags.violation;

import org.springframework.jdbc.core.simple.JdbcClient;

/** A "rule" that queries the database: the purity rule of the flag engine must reject it. */
public final class FlagReadingTheDatabase {

  private FlagReadingTheDatabase() {}

  /** Counts flags with SQL instead of computing them from events. */
  public static long count(JdbcClient jdbc) {
    return jdbc.sql("SELECT count(*) FROM rm_flag").query(Long.class).single();
  }
}
