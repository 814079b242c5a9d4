package org.examledger.api.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.examledger.api.problem.DatabaseUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers {@code 503} with {@code Retry-After} when a filter before any controller (sign-in reads
 * the accounts table) fails because the database cannot be reached; the controllers' failures are
 * answered alike by {@code ProblemDetailsAdvice}. Anything else passes through unchanged.
 */
final class DatabaseOutageFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (RuntimeException | ServletException e) {
      if (!DatabaseUnavailable.causedBy(e) || response.isCommitted()) {
        throw e;
      }
      log.warn(
          "{} {}: database unreachable, answered 503: {}",
          request.getMethod(),
          request.getRequestURI(),
          e.toString());
      response.setHeader(
          HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS));
      ProblemResponses.write(
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          DatabaseUnavailable.RULE,
          DatabaseUnavailable.DETAIL);
    }
  }
}
