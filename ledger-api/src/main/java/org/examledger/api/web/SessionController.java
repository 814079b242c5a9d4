package org.examledger.api.web;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.AdmissionRefused;
import org.examledger.api.admission.AdmittedStatement;
import org.examledger.api.admission.BulkRefused;
import org.examledger.api.admission.BulkSubmission;
import org.examledger.api.admission.CallerIdentity;
import org.examledger.api.admission.GroupCommit;
import org.examledger.api.admission.StatementDispatcher;
import org.examledger.api.history.HistoryEntry;
import org.examledger.api.history.SessionHistory;
import org.examledger.api.seal.BulkPacing;
import org.examledger.api.seal.LogReader;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.projections.scores.FindResultSheetQuery;
import org.examledger.sheets.ResultSheetView;
import org.examledger.statements.StatementTypes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions, candidates and scores. Every write body is an actor's statement (a DSSE envelope, or an
 * unsigned statement where policy allows), admitted before its command runs; the URL must agree
 * with the statement. Writes are answered once the event is stored; reads come from the
 * result-sheet projection and so may lag a write by a moment.
 */
@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {

  /** The one member of a bulk submission's body. */
  static final String BULK_MEMBER = "statements";

  /** The most statements one bulk submission may hold (a session's whole score sheet fits). */
  static final int MAX_BULK = 1000;

  private final Admission admission;
  private final GroupCommit dispatcher;
  private final CallerIdentity caller;
  private final QueryGateway queries;
  private final SessionHistory history;
  private final LongSupplier logSize;

  private final Pages pages;
  private final BulkSubmission bulk;
  private final BulkPacing pacing;

  SessionController(
      Admission admission,
      GroupCommit dispatcher,
      BulkSubmission bulk,
      CallerIdentity caller,
      QueryGateway queries,
      SessionHistory history,
      LogReader log,
      Pages pages,
      BulkPacing pacing) {
    this.pages = pages;
    this.bulk = bulk;
    this.pacing = pacing;
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.caller = caller;
    this.queries = queries;
    this.history = history;
    this.logSize = log::treeSize;
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> schedule(@RequestBody String body) {
    AdmittedStatement s = admission.admit(body, Set.of(StatementTypes.SESSION_SCHEDULE));
    Map<String, Object> result = dispatcher.dispatch(s, caller.submitterFor(s));
    return ResponseEntity.created(URI.create("/api/v1/sessions/" + s.subject())).body(result);
  }

  @PostMapping(path = "/{sessionId}/candidates", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> register(
      @PathVariable String sessionId, @RequestBody String body) {
    AdmittedStatement s = admission.admit(body, Set.of(StatementTypes.CANDIDATE_REGISTER));
    requireSubject(s, sessionId);
    Map<String, Object> result = dispatcher.dispatch(s, caller.submitterFor(s));
    return ResponseEntity.created(
            URI.create(
                "/api/v1/sessions/" + sessionId + "/candidates/" + result.get("candidateId")))
        .body(result);
  }

  @PostMapping(
      path = "/{sessionId}/candidates/{candidateId}/scores",
      consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> recordScore(
      @PathVariable String sessionId, @PathVariable String candidateId, @RequestBody String body) {
    AdmittedStatement s =
        admission.admit(
            body, Set.of(StatementTypes.SCORE_RECORD, StatementTypes.SCORE_COUNTERSIGN));
    requireSubject(s, sessionId);
    JsonNode named = s.payload().get("candidateId");
    if (named == null || !candidateId.equals(named.asText())) {
      throw new AdmissionRefused(
          400,
          "url-mismatch",
          "payload.candidateId",
          "the URL names candidate '"
              + candidateId
              + "' but the statement names "
              + (named == null ? "none" : "'" + named.asText() + "'"));
    }
    Map<String, Object> result = dispatcher.dispatch(s, caller.submitterFor(s));
    if (StatementDispatcher.evidenceOnly(result)) {
      return ResponseEntity.accepted().body(result);
    }
    return ResponseEntity.created(resultSheetUri(sessionId, candidateId)).body(result);
  }

  /**
   * Many score statements of one session in one request, stored all or nothing: each is admitted,
   * authorised and decided as it would be alone, in one transaction; the first refusal refuses the
   * whole with that statement's {@code index} and nothing is stored (docs/api.md, "Bulk scores").
   */
  @PostMapping(path = "/{sessionId}/scores/bulk", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> recordScores(
      @PathVariable String sessionId, @RequestBody String body) {
    List<String> envelopes = bulkStatements(body);
    // not further ahead of the log than a signed checkpoint can follow (BulkPacing)
    pacing.awaitLog();
    List<AdmittedStatement> admitted = new ArrayList<>(envelopes.size());
    List<String> submitters = new ArrayList<>(envelopes.size());
    Admission.Batch batch = admission.batch();
    for (int i = 0; i < envelopes.size(); i++) {
      try {
        AdmittedStatement s =
            batch.admitUnlessReplayed(
                envelopes.get(i),
                Set.of(StatementTypes.SCORE_RECORD, StatementTypes.SCORE_COUNTERSIGN));
        requireSubject(s, sessionId);
        submitters.add(caller.submitterFor(s));
        admitted.add(s);
      } catch (AdmissionRefused refused) {
        // the first refusal is answered: a replay among the statements before this one comes first
        requireUnseen(batch, admitted, envelopes.size());
        throw new BulkRefused(i, envelopes.size(), refused);
      }
    }
    // A statement admitted before is refused when its turn comes, by its admitted_statement insert
    // (statement-replayed at its index), as a single statement is: no query for the whole bulk.
    List<Map<String, Object>> results = bulk.submit(admitted, submitters);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("sessionId", sessionId);
    answer.put("count", results.size());
    answer.put("results", results);
    return ResponseEntity.status(201).body(answer);
  }

  /**
   * Refuses the bulk at its first statement that was admitted before (one query for all), when a
   * later statement's admission was refused: the refusal answered is the first in the bulk's order.
   */
  private static void requireUnseen(
      Admission.Batch batch, List<AdmittedStatement> admitted, int count) {
    int seen = batch.firstSeen(admitted);
    if (seen >= 0) {
      throw new BulkRefused(seen, count, Admission.replayed(admitted.get(seen)));
    }
  }

  /** The envelopes of {@code {"statements": [envelope, ...]}}, each as its JSON text. */
  private static List<String> bulkStatements(String body) {
    JsonNode root;
    try {
      root = CanonicalJson.parse(body);
    } catch (CanonicalJsonException e) {
      throw new AdmissionRefused(
          400, "malformed-json", null, "the request body is not I-JSON: " + e.getMessage());
    }
    JsonNode statements = root.get(BULK_MEMBER);
    if (!root.isObject() || root.size() != 1 || statements == null || !statements.isArray()) {
      throw new AdmissionRefused(
          400,
          "malformed-bulk",
          BULK_MEMBER,
          "a bulk submission is {\"statements\": [envelope, ...]} and nothing else");
    }
    if (statements.isEmpty() || statements.size() > MAX_BULK) {
      throw new AdmissionRefused(
          400,
          "malformed-bulk",
          BULK_MEMBER,
          "a bulk submission holds 1 to "
              + MAX_BULK
              + " statements; this one holds "
              + statements.size());
    }
    List<String> envelopes = new ArrayList<>(statements.size());
    statements.forEach(envelope -> envelopes.add(envelope.toString()));
    return envelopes;
  }

  /**
   * The sheet now (from the projection), or as of a past moment ({@code asOf}, RFC 3339) or log
   * size ({@code treeSize}), folded from the session's events.
   */
  @GetMapping("/{sessionId}/candidates/{candidateId}/result-sheet")
  ResponseEntity<ResultSheetView> resultSheet(
      @PathVariable String sessionId,
      @PathVariable String candidateId,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) Long treeSize) {
    Optional<ResultSheetView> sheet;
    if (asOf != null && treeSize != null) {
      throw new BadQueryProblem(
          "as-of-ambiguous", "asOf", "give either asOf (a moment) or treeSize (a log size)");
    } else if (asOf != null) {
      sheet = history.sheetAsOf(sessionId, candidateId, QueryParameters.asOf(asOf), null);
    } else if (treeSize != null) {
      long size = logSize.getAsLong();
      if (treeSize < 0 || treeSize > size) {
        throw new BadQueryProblem(
            "tree-size-out-of-range",
            "treeSize",
            "treeSize must be between 0 and the log's size " + size + "; was " + treeSize);
      }
      sheet = history.sheetAsOf(sessionId, candidateId, null, treeSize);
    } else {
      sheet =
          queries
              .query(
                  new FindResultSheetQuery(sessionId, candidateId),
                  ResponseTypes.optionalInstanceOf(ResultSheetView.class))
              .join();
    }
    return sheet
        .map(ResponseEntity::ok)
        .orElseThrow(
            () ->
                new NotFoundProblem(
                    "result-sheet-not-found",
                    "no result sheet for candidate '"
                        + candidateId
                        + "' in session '"
                        + sessionId
                        + "' (yet: the projection may lag a write by a moment)"));
  }

  /** Every event of the session in order, with signature status, leaf index and proof link. */
  @GetMapping("/{sessionId}/history")
  List<HistoryEntry> sessionHistory(
      @PathVariable String sessionId,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      HttpServletResponse response) {
    List<HistoryEntry> entries = history.session(sessionId);
    if (entries.isEmpty()) {
      throw new NotFoundProblem("unknown-session", "no session '" + sessionId + "'");
    }
    return pages.page(entries, offset, limit, response);
  }

  /** The events that name the candidate, in order, likewise. */
  @GetMapping("/{sessionId}/candidates/{candidateId}/history")
  List<HistoryEntry> candidateHistory(
      @PathVariable String sessionId,
      @PathVariable String candidateId,
      @RequestParam(required = false) Integer offset,
      @RequestParam(required = false) Integer limit,
      HttpServletResponse response) {
    List<HistoryEntry> entries = history.candidate(sessionId, candidateId);
    if (entries.isEmpty()) {
      throw new NotFoundProblem(
          "unknown-candidate",
          "no events name candidate '" + candidateId + "' in session '" + sessionId + "'");
    }
    return pages.page(entries, offset, limit, response);
  }

  private static void requireSubject(AdmittedStatement s, String sessionId) {
    if (!s.subject().equals(sessionId)) {
      throw new AdmissionRefused(
          400,
          "url-mismatch",
          "subject",
          "the URL names session '"
              + sessionId
              + "' but the statement's subject is '"
              + s.subject()
              + "'");
    }
  }

  private static URI resultSheetUri(String sessionId, String candidateId) {
    return URI.create(
        "/api/v1/sessions/" + sessionId + "/candidates/" + candidateId + "/result-sheet");
  }
}
