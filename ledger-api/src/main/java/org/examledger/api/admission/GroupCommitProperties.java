package org.examledger.api.admission;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Group commit of single statements ({@link GroupCommit}), under {@code ledger.group-commit.*}
 * (docs/operations.md).
 *
 * @param writers threads that write groups, each for its share of the sessions; 0 writes every
 *     statement in its own transaction, as before group commit
 * @param maxStatements the most statements one group's transaction holds
 */
@ConfigurationProperties("ledger.group-commit")
public record GroupCommitProperties(
    @DefaultValue("2") int writers, @DefaultValue("64") int maxStatements) {

  public GroupCommitProperties {
    if (writers < 0) {
      throw new IllegalArgumentException(
          "ledger.group-commit.writers must be 0 or more; was " + writers);
    }
    if (maxStatements < 1) {
      throw new IllegalArgumentException(
          "ledger.group-commit.max-statements must be 1 or more; was " + maxStatements);
    }
  }
}
