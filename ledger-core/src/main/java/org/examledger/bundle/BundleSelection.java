package org.examledger.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bundle holds: a session's events, narrowed to a candidate, an examiner (the actor), a time
 * range ({@code from} inclusive, {@code to} exclusive). Absent members select anything.
 */
public record BundleSelection(
    String session, String candidate, String examiner, Instant from, Instant to) {

  /** True if nothing is selected at all (every member absent). */
  public boolean isEmpty() {
    return session == null && candidate == null && examiner == null && from == null && to == null;
  }

  /** Whether a leaf (docs/formats/leaf.md) is one of the selected events. */
  public boolean matches(JsonNode leaf) {
    if (session != null && !session.equals(leaf.path("aggregateId").asText())) {
      return false;
    }
    JsonNode payload = leaf.path("payload");
    if (candidate != null && !candidate.equals(payload.path("candidateId").asText(null))) {
      return false;
    }
    if (examiner != null
        && !examiner.equals(payload.path("provenance").path("actorId").asText(null))) {
      return false;
    }
    if (from != null || to != null) {
      Instant at;
      try {
        at = Instant.parse(leaf.path("timestamp").asText());
      } catch (DateTimeParseException e) {
        return false;
      }
      if (from != null && at.isBefore(from) || to != null && !at.isBefore(to)) {
        return false;
      }
    }
    return true;
  }

  /** The manifest's {@code selection} member: the present members, in this order. */
  public Map<String, String> toManifest() {
    Map<String, String> m = new LinkedHashMap<>();
    put(m, "session", session);
    put(m, "candidate", candidate);
    put(m, "examiner", examiner);
    put(m, "from", from == null ? null : from.toString());
    put(m, "to", to == null ? null : to.toString());
    return m;
  }

  /** For messages: "session S-1, candidate C-7". */
  public String describe() {
    List<String> parts = new ArrayList<>();
    toManifest().forEach((k, v) -> parts.add(k + " " + v));
    return String.join(", ", parts);
  }

  private static void put(Map<String, String> m, String k, String v) {
    if (v != null) {
      m.put(k, v);
    }
  }
}
