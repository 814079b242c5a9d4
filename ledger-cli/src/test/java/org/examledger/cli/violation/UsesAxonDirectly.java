package org.examledger.cli.violation;

import org.axonframework.messaging.MetaData;

/** Breaks the rule on purpose: CLI code reaching for Axon, which ledger-core only carries. */
public final class UsesAxonDirectly {

  private UsesAxonDirectly() {}

  public static Object metaData() {
    return MetaData.emptyInstance();
  }
}
