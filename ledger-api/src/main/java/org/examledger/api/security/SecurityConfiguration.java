package org.examledger.api.security;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import org.examledger.api.admission.CallerIdentity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Who may call what (docs/security.md has the same matrix as a table, and {@code
 * AuthorizationMatrixIT} checks every endpoint against every role).
 *
 * <p>Callers sign in with HTTP Basic against the local accounts, or with an identity provider's
 * bearer token when {@code spring.security.oauth2.resourceserver.jwt.*} is configured. No sessions,
 * no cookies: every request carries its credentials, so there is nothing for cross-site request
 * forgery to ride on (and every write takes application/json, which a plain HTML form cannot send).
 * Refusals are problem details: 401 with WWW-Authenticate for no or bad credentials, 403 for a role
 * that may not.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /** Reads everything that is not personal to one session or person. */
  private static final AccountRole[] READERS = {
    AccountRole.AUDITOR, AccountRole.SUPERVISOR, AccountRole.STATION_ADMIN
  };

  /** Submit signed statements (whose signer the submission rule then checks). */
  private static final AccountRole[] WRITERS = {
    AccountRole.EXAMINER,
    AccountRole.PROCTOR,
    AccountRole.STATION_ADMIN,
    AccountRole.SUPERVISOR,
    AccountRole.CLERK
  };

  private static final AccountRole[] EVERYONE = AccountRole.values();

  /**
   * No Spring Security observations: with them every request opens an observation around each of
   * the filter chain's filters, the authentication and the authorization, a tenth of the server's
   * CPU under write load (docs/performance.md). Requests are still timed as {@code
   * http.server.requests}.
   */
  @Bean
  SecurityObservationSettings securityObservationSettings() {
    return SecurityObservationSettings.noObservations();
  }

  @Bean
  PasswordEncoder passwordEncoder(SecurityProperties properties) {
    return new BCryptPasswordEncoder(properties.bcryptStrength());
  }

  @Bean
  Accounts accounts(JdbcTemplate jdbc, PasswordEncoder encoder, Clock clock) {
    return new Accounts(jdbc, encoder, clock);
  }

  @Bean
  AccountAuthenticationProvider accountAuthenticationProvider(
      Accounts accounts, PasswordEncoder encoder, SecurityProperties properties) {
    return new AccountAuthenticationProvider(accounts, encoder, properties.credentialCache());
  }

  @Bean
  CallerIdentity callerIdentity(SecurityProperties properties) {
    return new SubmissionRule(properties.transcription());
  }

  @Bean
  SessionAccess sessionAccess(JdbcTemplate jdbc) {
    return new SessionAccess(jdbc);
  }

  /** Size first: a huge body is refused before sign-in or anything else reads it. */
  @Bean
  FilterRegistrationBean<RequestSizeLimit> requestSizeLimit(LimitProperties limits) {
    FilterRegistrationBean<RequestSizeLimit> registration =
        new FilterRegistrationBean<>(new RequestSizeLimit(limits.maxRequestBytes().toBytes()));
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  /**
   * Outside everything else: a 503 for sign-in or any filter failing on an unreachable database.
   */
  @Bean
  FilterRegistrationBean<DatabaseOutageFilter> databaseOutageFilter() {
    FilterRegistrationBean<DatabaseOutageFilter> registration =
        new FilterRegistrationBean<>(new DatabaseOutageFilter());
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
    return registration;
  }

  @Bean
  SecurityFilterChain api(
      HttpSecurity http,
      AccountAuthenticationProvider accounts,
      SessionAccess sessions,
      SecurityProperties properties,
      LimitProperties limits,
      ObjectProvider<JwtDecoder> jwtDecoder)
      throws Exception {
    JwtDecoder decoder = jwtDecoder.getIfAvailable();
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.addHeader("WWW-Authenticate", "Basic realm=\"exam-ledger\"");
          if (decoder != null) {
            response.addHeader("WWW-Authenticate", "Bearer");
          }
          ProblemResponses.write(
              request,
              response,
              HttpStatus.UNAUTHORIZED,
              "unauthenticated",
              "sign in with HTTP Basic"
                  + (decoder != null ? " or a bearer token" : "")
                  + ": "
                  + e.getMessage());
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            ProblemResponses.write(
                request,
                response,
                HttpStatus.FORBIDDEN,
                "forbidden",
                "the caller's roles do not allow "
                    + request.getMethod()
                    + " "
                    + request.getRequestURI());
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(cache -> cache.disable())
        .authenticationProvider(accounts)
        .httpBasic(basic -> basic.authenticationEntryPoint(unauthorized))
        .exceptionHandling(
            e -> e.authenticationEntryPoint(unauthorized).accessDeniedHandler(forbidden))
        .addFilterAfter(new WriteRateLimit(limits.writesPerSecond()), AuthorizationFilter.class)
        .authorizeHttpRequests(
            rules ->
                rules
                    // health for load balancers, the API's own description, error pages
                    .requestMatchers(
                        GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                    .permitAll()
                    .requestMatchers(GET, "/openapi/**")
                    .permitAll()
                    // metrics: who runs the station and who audits it (docs/operations.md)
                    .requestMatchers(
                        GET, "/actuator/prometheus", "/actuator/metrics", "/actuator/metrics/**")
                    .hasAnyRole(AccountRole.STATION_ADMIN.name(), AccountRole.AUDITOR.name())
                    .requestMatchers("/error")
                    .permitAll()
                    // the log's public side: checkpoints, proofs, its key, registered keys
                    .requestMatchers(
                        GET,
                        "/api/v1/log/checkpoint",
                        "/api/v1/log/checkpoints/*",
                        "/api/v1/log/key",
                        "/api/v1/log/consistency",
                        "/api/v1/log/events/*/proof",
                        "/api/v1/log/leaves/*/proof",
                        "/api/v1/keys/*")
                    .hasAnyRole(names(EVERYONE))
                    // the events themselves
                    .requestMatchers(GET, "/api/v1/log/entries", "/api/v1/log/aggregates/*/entries")
                    .hasAnyRole(names(READERS))
                    .requestMatchers(POST, "/api/v1/log/add-checkpoint")
                    .hasRole(AccountRole.WITNESS.name())
                    // a witness cosigns what the log publishes on its own and nothing else
                    .requestMatchers(POST, "/api/v1/log/checkpoint")
                    .hasRole(AccountRole.STATION_ADMIN.name())
                    // signed statements
                    .requestMatchers(
                        POST, "/api/v1/statements", "/api/v1/sessions", "/api/v1/sessions/**")
                    .hasAnyRole(names(WRITERS))
                    .requestMatchers(GET, "/api/v1/sessions/{sessionId}/**")
                    .access(sessions)
                    // supervisors' and auditors' views
                    .requestMatchers(GET, "/api/v1/complaints", "/api/v1/complaints/**")
                    .hasAnyRole(AccountRole.AUDITOR.name(), AccountRole.SUPERVISOR.name())
                    .requestMatchers(GET, "/api/v1/people/{personId}/complaints")
                    .access(selfOr(AccountRole.AUDITOR, AccountRole.SUPERVISOR))
                    .requestMatchers(
                        GET, "/api/v1/examiners/{personId}", "/api/v1/examiners/{personId}/**")
                    .access(selfOr(READERS))
                    .requestMatchers(
                        GET,
                        "/api/v1/examiners",
                        "/api/v1/flags",
                        "/api/v1/statistics/*",
                        "/api/v1/bunching")
                    .hasAnyRole(names(READERS))
                    .requestMatchers("/api/v1/admin/**")
                    .hasRole(AccountRole.STATION_ADMIN.name())
                    // anything else: signed in with some role (then 404 for unknown paths)
                    .anyRequest()
                    .hasAnyRole(names(EVERYONE)));
    if (decoder != null) {
      http.oauth2ResourceServer(
          o ->
              o.authenticationEntryPoint(unauthorized)
                  .accessDeniedHandler(forbidden)
                  .jwt(
                      jwt ->
                          jwt.decoder(decoder)
                              .jwtAuthenticationConverter(
                                  new JwtCallerConverter(properties.jwt()))));
    }
    return http.build();
  }

  /** Allowed for the listed roles, or for the person named by {@code {personId}} themselves. */
  static AuthorizationManager<RequestAuthorizationContext> selfOr(AccountRole... roles) {
    Set<AccountRole> wanted = EnumSet.copyOf(Arrays.asList(roles));
    return (Supplier<Authentication> authentication, RequestAuthorizationContext context) -> {
      LedgerCaller caller = SessionAccess.caller(authentication.get());
      if (caller == null) {
        return new AuthorizationDecision(false);
      }
      return new AuthorizationDecision(
          caller.hasAny(wanted) || caller.actorId().equals(context.getVariables().get("personId")));
    };
  }

  private static String[] names(AccountRole... roles) {
    return Arrays.stream(roles).map(Enum::name).toArray(String[]::new);
  }
}
