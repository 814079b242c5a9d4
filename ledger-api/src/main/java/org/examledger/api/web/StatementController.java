package org.examledger.api.web;

import java.util.Map;
import java.util.Set;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.AdmittedStatement;
import org.examledger.api.admission.CallerIdentity;
import org.examledger.api.admission.GroupCommit;
import org.examledger.api.admission.KeyRegistryView;
import org.examledger.api.admission.RegisteredKey;
import org.examledger.api.admission.StatementDispatcher;
import org.examledger.statements.StatementTypes;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/statements}: one endpoint for every statement type, dispatched on the
 * verified statement's type (key registry statements go here). {@code GET /api/v1/keys/{keyId}}: a
 * key as the registry holds it.
 */
@RestController
class StatementController {

  private final Admission admission;
  private final GroupCommit dispatcher;
  private final CallerIdentity caller;
  private final KeyRegistryView registry;

  StatementController(
      Admission admission,
      GroupCommit dispatcher,
      CallerIdentity caller,
      KeyRegistryView registry) {
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.caller = caller;
    this.registry = registry;
  }

  @PostMapping(path = "/api/v1/statements", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> submit(@RequestBody String body) {
    AdmittedStatement s = admission.admit(body, Set.copyOf(StatementTypes.ALL));
    Map<String, Object> result = dispatcher.dispatch(s, caller.submitterFor(s));
    // 202: a suspended person's statement, stored as evidence only, with no effect.
    return ResponseEntity.status(StatementDispatcher.evidenceOnly(result) ? 202 : 201).body(result);
  }

  @GetMapping("/api/v1/keys/{keyId}")
  Map<String, Object> key(@PathVariable String keyId) {
    RegisteredKey key =
        registry
            .find(keyId)
            .orElseThrow(
                () -> new NotFoundProblem("key-not-registered", "no key " + keyId + " registered"));
    return key.describe();
  }
}
