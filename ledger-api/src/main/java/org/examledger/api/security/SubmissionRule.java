package org.examledger.api.security;

import java.util.Set;
import org.examledger.api.admission.AdmissionRefused;
import org.examledger.api.admission.AdmittedStatement;
import org.examledger.api.admission.CallerIdentity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who may submit a statement: the person who signed it (the caller's account is bound to that
 * actor), or a caller holding one of {@code ledger.security.transcription.roles} (a clerk
 * transcribing paper) for the types in {@code ledger.security.transcription.types}. Nothing else: a
 * valid signature does not let anyone at all deliver it. The caller is recorded as the submitter
 * beside the signing actor.
 */
final class SubmissionRule implements CallerIdentity {

  private final SecurityProperties.Transcription transcription;

  SubmissionRule(SecurityProperties.Transcription transcription) {
    this.transcription = transcription;
  }

  @Override
  public String submitterFor(AdmittedStatement statement) {
    LedgerCaller caller = current();
    if (caller.actorId().equals(statement.actorId())) {
      return caller.name();
    }
    if (caller.hasAny(transcription.roles()) && transcription.types().contains(statement.type())) {
      return caller.name();
    }
    throw new AdmissionRefused(
        403,
        "submitter-not-signer",
        "actorId",
        "the statement is by '"
            + statement.actorId()
            + "' and the caller signs as '"
            + caller.actorId()
            + "'; only "
            + sorted(transcription.roles())
            + " may submit statements by someone else, and only of the types "
            + transcription.types().stream().sorted().toList());
  }

  private static LedgerCaller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.getPrincipal() instanceof LedgerCaller caller) {
      return caller;
    }
    // The filter chain lets no unauthenticated request reach a controller that submits.
    throw new IllegalStateException("a statement was submitted outside an authenticated request");
  }

  private static Object sorted(Set<AccountRole> roles) {
    return roles.stream().sorted().toList();
  }
}
