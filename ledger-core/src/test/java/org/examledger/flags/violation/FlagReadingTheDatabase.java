package org.examledger.flags.violation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A "rule" that queries a database: the purity rule of the flag engine must reject it. */
public final class FlagReadingTheDatabase {

  private FlagReadingTheDatabase() {}

  /** Counts flags with SQL instead of computing them from events. */
  public static long count(Connection db) throws SQLException {
    try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM rm_flag")) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
