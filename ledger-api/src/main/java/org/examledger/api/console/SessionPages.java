package org.examledger.api.console;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.examledger.api.history.HistoryEntry;
import org.examledger.api.history.SessionHistory;
import org.examledger.api.seal.LogReader;
import org.examledger.api.seal.StoredCheckpoint;
import org.examledger.api.security.LedgerCaller;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.SignedNote;
import org.examledger.flags.EventFields;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.ProofVerifier;
import org.examledger.merkle.Rfc6962;
import org.examledger.projections.scores.FindResultSheetQuery;
import org.examledger.sheets.ResultSheetView;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A session's pages: its timeline (optionally as of a moment), one event's inclusion proof, and a
 * candidate's result sheet with every change. Read from the event store through {@link
 * SessionHistory}, as the API's history endpoints are.
 */
@Controller
class SessionPages {

  private final SessionHistory history;
  private final LogReader log;
  private final QueryGateway queries;
  private final ConsoleReads reads;

  SessionPages(SessionHistory history, LogReader log, QueryGateway queries, ConsoleReads reads) {
    this.history = history;
    this.log = log;
    this.queries = queries;
    this.reads = reads;
  }

  /** One timeline row. */
  record TimelineRow(HistoryEntry entry, String candidateId, String summary) {}

  /**
   * One change of a component, old and new side by side.
   *
   * @param reason the reason code and text of a correction, else null
   */
  record Change(HistoryEntry entry, Object oldValue, Object newValue, String reason) {}

  /** A component of the sheet with its changes in order. */
  record ComponentHistory(ResultSheetView.ComponentScoreView component, List<Change> changes) {}

  @GetMapping("/console/sessions")
  String sessions(@AuthenticationPrincipal LedgerCaller caller, Model model) {
    model.addAttribute("sessions", reads.sessionsFor(caller));
    return "console/sessions";
  }

  @GetMapping("/console/sessions/{sessionId}")
  String timeline(
      @PathVariable String sessionId, @RequestParam(required = false) String asOf, Model model) {
    List<HistoryEntry> all = history.session(sessionId);
    if (all.isEmpty()) {
      throw ConsoleProblem.notFound("console.notFound.session", sessionId);
    }
    Instant moment = asOf == null || asOf.isBlank() ? null : moment(asOf);
    List<TimelineRow> rows = new ArrayList<>();
    TreeSet<String> candidates = new TreeSet<>();
    for (HistoryEntry e : all) {
      if (moment != null && e.receivedAt().isAfter(moment)) {
        continue;
      }
      String candidate = EventFields.string(e.event(), "candidateId");
      if (candidate != null) {
        candidates.add(candidate);
      }
      rows.add(new TimelineRow(e, candidate, reads.summary(e.event())));
    }
    model.addAttribute("sessionId", sessionId);
    model.addAttribute("rows", rows);
    model.addAttribute("total", all.size());
    model.addAttribute("candidates", candidates);
    model.addAttribute("asOf", moment);
    model.addAttribute("first", all.get(0).receivedAt());
    model.addAttribute("last", all.get(all.size() - 1).receivedAt());
    return "console/session";
  }

  @GetMapping("/console/sessions/{sessionId}/events/{eventId}/proof")
  String proof(@PathVariable String sessionId, @PathVariable String eventId, Model model) {
    HistoryEntry entry =
        history.session(sessionId).stream()
            .filter(e -> e.eventId().equals(eventId))
            .findFirst()
            .orElseThrow(() -> ConsoleProblem.notFound("console.notFound.event", eventId));
    model.addAttribute("sessionId", sessionId);
    model.addAttribute("entry", entry);
    Optional<LogReader.Leaf> leaf = log.leafOfEvent(eventId);
    Optional<StoredCheckpoint> checkpoint = log.latestCheckpoint();
    if (leaf.isEmpty()
        || checkpoint.isEmpty()
        || leaf.get().leafIndex() >= checkpoint.get().treeSize()) {
      model.addAttribute("pending", true);
      return "console/proof";
    }
    long index = leaf.get().leafIndex();
    StoredCheckpoint cp = checkpoint.get();
    InclusionProof proof = log.inclusionProof(index, cp.treeSize());
    LogReader.Entry stored = log.entries(index, index + 1).get(0);
    String note = log.noteWithCosignatures(cp);
    model.addAttribute("leaf", leaf.get());
    model.addAttribute("checkpoint", cp);
    model.addAttribute("note", note);
    model.addAttribute("noteText", SignedNote.parse(note).text());
    model.addAttribute("leafInput", stored.leafInput() == null ? "" : stored.leafInput().base64());
    model.addAttribute("path", proof.path().stream().map(Hash::base64).toList());
    model.addAttribute("serverCheck", serverCheck(stored, leaf.get(), proof, note));
    return "console/proof";
  }

  /**
   * The server's own check, shown without JavaScript: the leaf hash recomputed from the stored
   * event, then the root from the proof, against the root the signed checkpoint states. Empty when
   * both hold, else the verifier's message.
   */
  private static String serverCheck(
      LogReader.Entry stored, LogReader.Leaf leaf, InclusionProof proof, String note) {
    try {
      if (stored.leafInput() == null) {
        return stored.problem();
      }
      Hash recomputed = Rfc6962.leafHash(stored.leafInput());
      if (!recomputed.equals(leaf.leafHash())) {
        return "leaf hash: stored " + leaf.leafHash().hex() + ", recomputed " + recomputed.hex();
      }
      Checkpoint stated = Checkpoint.parse(SignedNote.parse(note).text());
      ProofVerifier.verifyInclusion(proof, recomputed, Hash.of(stated.rootHash()));
      return "";
    } catch (RuntimeException e) {
      return e.getMessage();
    }
  }

  @GetMapping("/console/sessions/{sessionId}/candidates/{candidateId}")
  String sheet(
      @PathVariable String sessionId,
      @PathVariable String candidateId,
      @RequestParam(required = false) String asOf,
      Model model) {
    Instant moment = asOf == null || asOf.isBlank() ? null : moment(asOf);
    Optional<ResultSheetView> sheet =
        moment != null
            ? history.sheetAsOf(sessionId, candidateId, moment, null)
            : queries
                .query(
                    new FindResultSheetQuery(sessionId, candidateId),
                    ResponseTypes.optionalInstanceOf(ResultSheetView.class))
                .join();
    List<HistoryEntry> events = history.candidate(sessionId, candidateId);
    if (sheet.isEmpty() && events.isEmpty()) {
      throw ConsoleProblem.notFound("console.notFound.candidate", candidateId);
    }
    Map<String, List<Change>> changes = new LinkedHashMap<>();
    for (HistoryEntry e : events) {
      if (moment != null && e.receivedAt().isAfter(moment)) {
        continue;
      }
      String component = EventFields.string(e.event(), "componentId");
      if (component == null) {
        continue;
      }
      Map<String, Object> f = reads.fields(e.event());
      Object newValue = first(f, "newScore", "score", "adjudicatedScore", "mark");
      String reason =
          f.containsKey("reason")
              ? f.get("reason") + (f.get("reasonText") == null ? "" : ": " + f.get("reasonText"))
              : null;
      changes
          .computeIfAbsent(component, c -> new ArrayList<>())
          .add(new Change(e, f.get("oldScore"), newValue, reason));
    }
    List<ComponentHistory> components = new ArrayList<>();
    sheet.ifPresent(
        s ->
            s.components()
                .forEach(
                    c ->
                        components.add(
                            new ComponentHistory(
                                c, changes.getOrDefault(c.componentId(), List.of())))));
    List<TimelineRow> other = new ArrayList<>();
    for (HistoryEntry e : events) {
      if (EventFields.string(e.event(), "componentId") == null
          && (moment == null || !e.receivedAt().isAfter(moment))) {
        other.add(new TimelineRow(e, candidateId, reads.summary(e.event())));
      }
    }
    model.addAttribute("sessionId", sessionId);
    model.addAttribute("candidateId", candidateId);
    model.addAttribute("sheet", sheet.orElse(null));
    model.addAttribute("components", components);
    model.addAttribute("other", other);
    model.addAttribute("asOf", moment);
    return "console/sheet";
  }

  private static Object first(Map<String, Object> fields, String... names) {
    for (String n : names) {
      if (fields.get(n) != null) {
        return fields.get(n);
      }
    }
    return null;
  }

  /** A datetime-local value in the station's zone (seconds optional), or an RFC 3339 instant. */
  static Instant moment(String text) {
    try {
      if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return java.time.OffsetDateTime.parse(text).toInstant();
      }
      return LocalDateTime.parse(text).atZone(ConsoleFormat.STATION_ZONE).toInstant();
    } catch (DateTimeParseException e) {
      throw ConsoleProblem.badRequest("console.badRequest.asOf", text);
    }
  }
}
