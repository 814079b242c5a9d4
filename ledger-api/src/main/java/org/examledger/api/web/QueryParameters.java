package org.examledger.api.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters that more than one read takes, parsed with the same refusal. */
final class QueryParameters {

  private static final int FIRST_YEAR = 2000;
  private static final int LAST_YEAR = 2200;

  private QueryParameters() {}

  /** A station year, refused as {@code invalid-year} (400) outside 2000-2200. */
  static int year(int year) {
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      throw new BadQueryProblem(
          "invalid-year",
          "year",
          "year must be between " + FIRST_YEAR + " and " + LAST_YEAR + "; was " + year);
    }
    return year;
  }

  /** An {@code asOf} moment: RFC 3339, refused as {@code invalid-as-of} (400) otherwise. */
  static Instant asOf(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new BadQueryProblem(
          "invalid-as-of",
          "asOf",
          "asOf must be an RFC 3339 timestamp such as 2026-06-13T03:00:00Z; was '" + text + "'");
    }
  }
}
