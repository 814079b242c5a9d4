package org.examledger.api.security;

import java.util.Set;

/**
 * A person's account as stored (without its password hash).
 *
 * @param username the login name, recorded as the submitter of what the person sends
 * @param actorId the ledger actor this person signs statements as
 * @param roles what the person may do through the API
 * @param enabled false once disabled; a disabled account cannot sign in
 */
public record Account(String username, String actorId, Set<AccountRole> roles, boolean enabled) {

  public Account {
    roles = Set.copyOf(roles);
  }

  public boolean has(AccountRole role) {
    return roles.contains(role);
  }
}
