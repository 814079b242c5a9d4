package org.examledger.api.web;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.examledger.exam.Provenance;
import org.examledger.exam.RecordScoreCommand;
import org.examledger.exam.RegisterCandidateCommand;
import org.examledger.exam.ScheduleSessionCommand;
import org.examledger.exam.ScoreComponent;
import org.examledger.projections.scores.FindResultSheetQuery;
import org.examledger.projections.scores.ResultSheetView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions, candidates and scores. Writes are commands answered once the event is stored; reads
 * come from the result-sheet projection and so may lag a write by a moment.
 */
@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {

  /**
   * Until authentication lands (issue 9) the caller is not known; the statement's actor is
   * recorded, and the submitter says honestly that nobody was authenticated.
   */
  static final String UNAUTHENTICATED = "unauthenticated";

  private final CommandGateway commands;
  private final QueryGateway queries;
  private final Clock clock;

  SessionController(CommandGateway commands, QueryGateway queries, Clock clock) {
    this.commands = commands;
    this.queries = queries;
    this.clock = clock;
  }

  @PostMapping
  ResponseEntity<Map<String, String>> schedule(@Valid @RequestBody ScheduleSessionRequest request) {
    String sessionId = request.sessionId() != null ? request.sessionId() : "S-" + UUID.randomUUID();
    commands.sendAndWait(
        new ScheduleSessionCommand(
            sessionId,
            request.occupation(),
            request.level(),
            request.examType(),
            request.passMark(),
            request.components().stream()
                .map(c -> new ScoreComponent(c.componentId(), c.name(), c.maxScore()))
                .toList(),
            request.startsAt(),
            request.endsAt(),
            provenance(request.actor())));
    return ResponseEntity.created(URI.create("/api/v1/sessions/" + sessionId))
        .body(Map.of("sessionId", sessionId));
  }

  @PostMapping("/{sessionId}/candidates")
  ResponseEntity<Map<String, String>> register(
      @PathVariable String sessionId, @Valid @RequestBody RegisterCandidateRequest request) {
    commands.sendAndWait(
        new RegisterCandidateCommand(
            sessionId, request.candidateId(), provenance(request.actor())));
    return ResponseEntity.created(
            URI.create("/api/v1/sessions/" + sessionId + "/candidates/" + request.candidateId()))
        .body(Map.of("sessionId", sessionId, "candidateId", request.candidateId()));
  }

  @PostMapping("/{sessionId}/candidates/{candidateId}/scores")
  ResponseEntity<Map<String, String>> recordScore(
      @PathVariable String sessionId,
      @PathVariable String candidateId,
      @Valid @RequestBody RecordScoreRequest request) {
    commands.sendAndWait(
        new RecordScoreCommand(
            sessionId,
            candidateId,
            request.componentId(),
            request.score(),
            provenance(request.actor())));
    return ResponseEntity.created(resultSheetUri(sessionId, candidateId))
        .body(
            Map.of(
                "sessionId", sessionId,
                "candidateId", candidateId,
                "componentId", request.componentId()));
  }

  @GetMapping("/{sessionId}/candidates/{candidateId}/result-sheet")
  ResponseEntity<ResultSheetView> resultSheet(
      @PathVariable String sessionId, @PathVariable String candidateId) {
    Optional<ResultSheetView> sheet =
        queries
            .query(
                new FindResultSheetQuery(sessionId, candidateId),
                ResponseTypes.optionalInstanceOf(ResultSheetView.class))
            .join();
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

  private static URI resultSheetUri(String sessionId, String candidateId) {
    return URI.create(
        "/api/v1/sessions/" + sessionId + "/candidates/" + candidateId + "/result-sheet");
  }

  private Provenance provenance(String actor) {
    return new Provenance(actor, UNAUTHENTICATED, clock.instant(), null);
  }
}
