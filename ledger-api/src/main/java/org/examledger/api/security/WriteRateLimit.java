package org.examledger.api.security;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@code ledger.limits.writes-per-second} writes (any method but GET, HEAD, OPTIONS) per
 * signed-in caller and second, on this node (Resilience4j's rate limiter, one per caller, no
 * waiting). One more is answered 429 with Retry-After and stored nowhere. Runs after access
 * control, so a refused caller's requests are not counted against anyone.
 */
final class WriteRateLimit extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final RateLimiterRegistry limiters;
  private final int perSecond;

  WriteRateLimit(int perSecond) {
    this.perSecond = perSecond;
    this.limiters =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(Math.max(1, perSecond))
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return perSecond <= 0 || READS.contains(request.getMethod());
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication != null && authentication.isAuthenticated()) {
      RateLimiter limiter = limiters.rateLimiter(authentication.getName());
      if (!limiter.acquirePermission()) {
        response.setHeader("Retry-After", "1");
        ProblemResponses.write(
            request,
            response,
            HttpStatus.TOO_MANY_REQUESTS,
            "too-many-writes",
            "at most "
                + perSecond
                + " writes per second per caller (ledger.limits.writes-per-second); try again"
                + " in a second");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
