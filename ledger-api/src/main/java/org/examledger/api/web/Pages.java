package org.examledger.api.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.examledger.api.security.LimitProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * One page of a list answer: at most {@code limit} items from {@code offset}, {@code limit} at most
 * {@code ledger.limits.max-page-size} (the default too). The answer's headers say how many there
 * are in all ({@code X-Total-Count}) and, when more follow, where the next page is ({@code Link:
 * <...>; rel="next"}, RFC 8288).
 */
@Component
class Pages {

  private final int maxPageSize;

  Pages(LimitProperties limits) {
    this.maxPageSize = limits.maxPageSize();
  }

  <T> List<T> page(List<T> all, Integer offset, Integer limit, HttpServletResponse response) {
    int from = offset == null ? 0 : offset;
    int size = limit == null ? maxPageSize : limit;
    if (from < 0) {
      throw new BadQueryProblem(
          "invalid-offset", "offset", "offset must be 0 or more; was " + from);
    }
    if (size < 1 || size > maxPageSize) {
      throw new BadQueryProblem(
          "invalid-limit",
          "limit",
          "limit must be between 1 and "
              + maxPageSize
              + " (ledger.limits.max-page-size); was "
              + size);
    }
    response.setHeader("X-Total-Count", Integer.toString(all.size()));
    int to = (int) Math.min(all.size(), (long) from + size);
    if (to < all.size()) {
      String next =
          ServletUriComponentsBuilder.fromCurrentRequest()
              .replaceQueryParam("offset", to)
              .replaceQueryParam("limit", size)
              .build()
              .toUriString();
      response.setHeader("Link", "<" + next + ">; rel=\"next\"");
    }
    return from >= all.size() ? List.of() : all.subList(from, to);
  }
}
