package org.examledger.api.security;

import java.util.Arrays;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;

/**
 * The web console's own filter chain (docs/console.md), ahead of the API's: a browser signs in with
 * a form against the same accounts, keeps an HTTP session, and every form carries a CSRF token
 * (unlike the stateless API, a session cookie is something cross-site requests could ride on). Each
 * console page is open to the roles whose API reads it shows, with the same rules: sessions through
 * {@link SessionAccess}, an examiner's own page through {@code selfOr}.
 */
// only in the served application: ./ledger init and ./ledger user start no web server
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Configuration(proxyBeanMethods = false)
class ConsoleSecurityConfiguration {

  /** Everything this chain answers; the rest goes on to the API's chain. */
  static final String[] PATHS = {"/console", "/console/**", "/login", "/logout", "/webjars/**"};

  /** Roles that have pages; a witness or a clerk works through the API and the CLI only. */
  private static final AccountRole[] CONSOLE_USERS = {
    AccountRole.EXAMINER,
    AccountRole.PROCTOR,
    AccountRole.STATION_ADMIN,
    AccountRole.AUDITOR,
    AccountRole.SUPERVISOR
  };

  private static final AccountRole[] READERS = {
    AccountRole.AUDITOR, AccountRole.SUPERVISOR, AccountRole.STATION_ADMIN
  };

  @Bean
  @Order(1)
  SecurityFilterChain console(
      HttpSecurity http, AccountAuthenticationProvider accounts, SessionAccess sessions)
      throws Exception {
    AccessDeniedHandlerImpl denied = new AccessDeniedHandlerImpl();
    denied.setErrorPage("/console/denied");
    http.securityMatcher(PATHS)
        .authenticationProvider(accounts)
        .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/console", false))
        .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
        .exceptionHandling(e -> e.accessDeniedHandler(denied))
        .headers(
            h ->
                h.contentSecurityPolicy(
                    csp ->
                        csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; object-src 'none';"
                                + " frame-ancestors 'none'")))
        .authorizeHttpRequests(
            rules ->
                rules
                    .requestMatchers("/login", "/webjars/**", "/console/assets/**")
                    .permitAll()
                    .requestMatchers("/console/denied")
                    .authenticated()
                    .requestMatchers(
                        "/console/sessions/{sessionId}", "/console/sessions/{sessionId}/**")
                    .access(sessions)
                    .requestMatchers("/console/examiners/{personId}")
                    .access(SecurityConfiguration.selfOr(READERS))
                    .requestMatchers("/console/ledger/verify", "/console/ledger/bundle")
                    .hasAnyRole(names(READERS))
                    .requestMatchers(HttpMethod.POST, "/console/flags/review")
                    .hasRole(AccountRole.SUPERVISOR.name())
                    .requestMatchers("/console/complaints", "/console/complaints/**")
                    .hasAnyRole(names(AccountRole.AUDITOR, AccountRole.SUPERVISOR))
                    .requestMatchers(
                        "/console/flags",
                        "/console/flags/**",
                        "/console/examiners",
                        "/console/statistics")
                    .hasAnyRole(names(READERS))
                    .anyRequest()
                    .hasAnyRole(names(CONSOLE_USERS)));
    return http.build();
  }

  private static String[] names(AccountRole... roles) {
    return Arrays.stream(roles).map(Enum::name).toArray(String[]::new);
  }
}
