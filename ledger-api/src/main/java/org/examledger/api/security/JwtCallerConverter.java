package org.examledger.api.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Maps an identity provider's token (already verified by Spring Security's resource server) to a
 * {@link LedgerCaller}: the subject is the submitter, {@code ledger.security.jwt.actor-claim} the
 * actor, {@code ledger.security.jwt.roles-claim} the roles. Role values that are not {@link
 * AccountRole} names (after the configured prefix is stripped) are ignored: an identity provider
 * knows many roles that mean nothing here. A token without any ledger role may sign in but is
 * allowed nothing.
 */
final class JwtCallerConverter implements Converter<Jwt, AbstractAuthenticationToken> {

  private final SecurityProperties.Jwt settings;

  JwtCallerConverter(SecurityProperties.Jwt settings) {
    this.settings = settings;
  }

  @Override
  public AbstractAuthenticationToken convert(Jwt jwt) {
    String subject = jwt.getSubject();
    Object actorClaim = jwt.getClaims().get(settings.actorClaim());
    String actor = actorClaim == null ? subject : actorClaim.toString();
    return new CallerAuthentication(
        new LedgerCaller(subject, actor, roles(jwt.getClaims().get(settings.rolesClaim()))));
  }

  private Set<AccountRole> roles(Object claim) {
    List<String> values =
        claim instanceof Collection<?> c
            ? c.stream().map(String::valueOf).toList()
            : claim == null ? List.of() : List.of(claim.toString().split("[\\s,]+"));
    Set<AccountRole> roles = EnumSet.noneOf(AccountRole.class);
    String prefix = settings.rolePrefix().toUpperCase(Locale.ROOT);
    for (String value : values) {
      String name = value.trim().toUpperCase(Locale.ROOT);
      if (!prefix.isEmpty() && name.startsWith(prefix)) {
        name = name.substring(prefix.length());
      }
      for (AccountRole role : AccountRole.values()) {
        if (role.name().equals(name)) {
          roles.add(role);
        }
      }
    }
    return roles;
  }
}
