package org.examledger.api.console;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.examledger.api.flags.LedgerFlags;
import org.examledger.api.security.AccountRole;
import org.examledger.api.security.LedgerCaller;
import org.examledger.exam.SessionScheduledEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads that several pages share: the sessions a caller may open, an event's fields for display.
 */
@Component
class ConsoleReads {

  private static final Set<AccountRole> READ_ALL =
      Set.of(AccountRole.AUDITOR, AccountRole.SUPERVISOR, AccountRole.STATION_ADMIN);

  private final LedgerFlags ledger;
  private final JdbcClient jdbc;
  private final ObjectMapper json;

  ConsoleReads(LedgerFlags ledger, JdbcClient jdbc, ObjectMapper json) {
    this.ledger = ledger;
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A session as the lists show it. */
  record SessionRow(
      String sessionId, String occupation, int level, String examType, Instant startsAt) {}

  static boolean readsAll(LedgerCaller caller) {
    return caller.hasAny(READ_ALL);
  }

  /**
   * The sessions the caller may open, latest first: every session for auditors, supervisors and
   * station administrators; the assigned ones for examiners and proctors (the rule the API's
   * session reads follow).
   */
  List<SessionRow> sessionsFor(LedgerCaller caller) {
    Set<String> assigned = readsAll(caller) ? null : assignedSessions(caller.actorId());
    return ledger.sessions().stream()
        .filter(s -> assigned == null || assigned.contains(s.sessionId()))
        .sorted(
            Comparator.comparing(SessionScheduledEvent::startsAt)
                .reversed()
                .thenComparing(SessionScheduledEvent::sessionId))
        .map(
            s ->
                new SessionRow(
                    s.sessionId(), s.occupation(), s.level(), s.examType().name(), s.startsAt()))
        .toList();
  }

  Set<String> assignedSessions(String actorId) {
    return new TreeSet<>(
        jdbc.sql("SELECT DISTINCT session_id FROM rm_examiner_assignment WHERE person_id = ?")
            .param(actorId)
            .query(String.class)
            .list());
  }

  /** An event's own fields (provenance left out), in declaration order, for display. */
  Map<String, Object> fields(Object event) {
    Map<String, Object> all = json.convertValue(event, LinkedHashMap.class);
    Map<String, Object> out = new LinkedHashMap<>();
    all.forEach(
        (k, v) -> {
          if (!k.equals("provenance") && v != null) {
            out.put(k, v);
          }
        });
    return out;
  }

  /** The fields as one short line: {@code name=value, ...}. */
  String summary(Object event) {
    StringBuilder line = new StringBuilder();
    fields(event)
        .forEach(
            (k, v) -> {
              if (k.equals("sessionId")) {
                return;
              }
              if (line.length() > 0) {
                line.append(", ");
              }
              String value = String.valueOf(v);
              line.append(k)
                  .append('=')
                  .append(value.length() > 80 ? value.substring(0, 77) + "..." : value);
            });
    return line.toString();
  }
}
