package org.examledger.api.secrets;

import org.examledger.secrets.SecretFileException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused secret file into Spring Boot's short "APPLICATION FAILED TO START" report (the
 * file, its permissions, the {@code chmod}) instead of a stack of bean-creation errors.
 */
public class SecretFileFailureAnalyzer extends AbstractFailureAnalyzer<SecretFileException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SecretFileException cause) {
    return new FailureAnalysis(
        "The ledger refuses to start: " + cause.getMessage(),
        "Make the file readable and writable by the user the ledger runs as only (chmod 600),"
            + " then start again. See docs/security.md, \"Secrets and key rotation\".",
        cause);
  }
}
