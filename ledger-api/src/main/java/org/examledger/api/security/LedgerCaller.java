package org.examledger.api.security;

import java.security.Principal;
import java.util.Set;

/**
 * The authenticated caller of a request, however it signed in (a local account over HTTP Basic or
 * an identity provider's bearer token).
 *
 * @param name recorded as the submitter of what the caller sends (account name or token subject)
 * @param actorId the ledger actor the caller signs statements as
 * @param roles what the caller may do through the API
 */
public record LedgerCaller(String name, String actorId, Set<AccountRole> roles)
    implements Principal {

  public LedgerCaller {
    roles = Set.copyOf(roles);
  }

  @Override
  public String getName() {
    return name;
  }

  public boolean has(AccountRole role) {
    return roles.contains(role);
  }

  public boolean hasAny(Set<AccountRole> wanted) {
    return wanted.stream().anyMatch(roles::contains);
  }
}
