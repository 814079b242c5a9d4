package org.examledger.api.security;

import java.util.Collection;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A successful sign-in: the {@link LedgerCaller} and its roles as authorities. */
final class CallerAuthentication extends AbstractAuthenticationToken {

  private static final long serialVersionUID = 1L;

  private final LedgerCaller caller;

  CallerAuthentication(LedgerCaller caller) {
    super(authorities(caller));
    this.caller = caller;
    setAuthenticated(true);
  }

  private static Collection<GrantedAuthority> authorities(LedgerCaller caller) {
    List<GrantedAuthority> list =
        caller.roles().stream()
            .sorted()
            .map(r -> (GrantedAuthority) new SimpleGrantedAuthority(r.authority()))
            .toList();
    return list;
  }

  @Override
  public Object getCredentials() {
    return "";
  }

  @Override
  public LedgerCaller getPrincipal() {
    return caller;
  }

  @Override
  public String getName() {
    return caller.name();
  }
}
