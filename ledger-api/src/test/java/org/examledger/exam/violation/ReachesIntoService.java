package org.examledger.exam.violation;

import org.examledger.api.LedgerApplication;

/** Test fixture: a "domain" class that depends on the service, which the boundary rule forbids. */
public final class ReachesIntoService {

  public Class<?> service() {
    return LedgerApplication.class;
  }
}
