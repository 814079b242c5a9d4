package org.examledger.api.rebuild;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/** The rebuild service, and the response header that says a view is rebuilding. */
@Configuration(proxyBeanMethods = false)
public class RebuildConfiguration {

  /** Names the projections rebuilding now, on every API read while any is. */
  public static final String HEADER = "Ledger-Views-Rebuilding";

  @Bean
  public ProjectionRebuilds projectionRebuilds(
      EventProcessingConfiguration processing, EventStore events) {
    return new ProjectionRebuilds(processing, events);
  }

  @Bean
  public OncePerRequestFilter rebuildingHeader(ProjectionRebuilds rebuilds) {
    return new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(
          HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("GET".equals(request.getMethod()) && request.getRequestURI().startsWith("/api/")) {
          List<String> rebuilding = rebuilds.rebuilding();
          if (!rebuilding.isEmpty()) {
            response.setHeader(HEADER, String.join(", ", rebuilding));
          }
        }
        chain.doFilter(request, response);
      }
    };
  }
}
