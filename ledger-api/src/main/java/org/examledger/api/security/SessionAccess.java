package org.examledger.api.security;

import java.util.Set;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Reading one session ({@code GET /api/v1/sessions/{sessionId}/...}): auditors, supervisors and
 * station administrators read every session; examiners and proctors only the sessions they are or
 * were assigned to (the examiner roster's assignments, kept by its projection).
 */
final class SessionAccess implements AuthorizationManager<RequestAuthorizationContext> {

  private static final Set<AccountRole> READ_ALL =
      Set.of(AccountRole.AUDITOR, AccountRole.SUPERVISOR, AccountRole.STATION_ADMIN);
  private static final Set<AccountRole> READ_OWN =
      Set.of(AccountRole.EXAMINER, AccountRole.PROCTOR);

  private final JdbcTemplate jdbc;

  SessionAccess(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public AuthorizationDecision check(
      Supplier<Authentication> authentication, RequestAuthorizationContext context) {
    LedgerCaller caller = caller(authentication.get());
    if (caller == null) {
      return new AuthorizationDecision(false);
    }
    if (caller.hasAny(READ_ALL)) {
      return new AuthorizationDecision(true);
    }
    if (!caller.hasAny(READ_OWN)) {
      return new AuthorizationDecision(false);
    }
    String session = context.getVariables().get("sessionId");
    Integer rows =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM rm_examiner_assignment WHERE person_id = ? AND session_id = ?",
            Integer.class,
            caller.actorId(),
            session);
    return new AuthorizationDecision(rows != null && rows > 0);
  }

  /** The signed-in caller, or null for an anonymous or foreign authentication. */
  static LedgerCaller caller(Authentication authentication) {
    return authentication != null
            && authentication.isAuthenticated()
            && authentication.getPrincipal() instanceof LedgerCaller caller
        ? caller
        : null;
  }
}
