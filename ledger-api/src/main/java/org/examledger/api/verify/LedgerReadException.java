package org.examledger.api.verify;

import java.sql.SQLException;

/** The database could not be read; the message names the query and the driver's reason. */
final class LedgerReadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  LedgerReadException(String message, SQLException cause) {
    super(message, cause);
  }
}
