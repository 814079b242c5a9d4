package org.examledger.api.problem;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Recognises a failure that means the database cannot be reached (down, restarting, refusing
 * connections, or the pool could not get a connection in time), which the service answers with
 * {@code 503 Service Unavailable} and {@code Retry-After} instead of a 500: the request was not
 * completed and may be sent again as it is.
 */
public final class DatabaseUnavailable {

  /** The problem-details rule of the answer. */
  public static final String RULE = "database-unavailable";

  /** The {@code Retry-After} of the answer, in seconds. */
  public static final int RETRY_AFTER_SECONDS = 5;

  /** The answer's detail: what the caller should do, and why a retry is safe. */
  public static final String DETAIL =
      "the ledger's database cannot be reached, so the request was not completed; send it again"
          + " after "
          + RETRY_AFTER_SECONDS
          + " seconds (a signed statement that was stored after all is then refused as a replay,"
          + " naming its hash)";

  /**
   * SQLState class 08 (connection exception) and class 57P (operator intervention: the server
   * shutting down, crashed, or not yet accepting connections), PostgreSQL Appendix A.
   */
  private static final Set<String> SERVER_GOING_AWAY = Set.of("57P01", "57P02", "57P03");

  private static final int MAX_DEPTH = 32;

  private DatabaseUnavailable() {}

  /** Whether {@code failure} or one of its causes says the database is unreachable. */
  public static boolean causedBy(Throwable failure) {
    Throwable t = failure;
    for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof DataAccessResourceFailureException
          || t instanceof CannotCreateTransactionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || SERVER_GOING_AWAY.contains(state)) {
          return true;
        }
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }
}
