package org.examledger.api.console;

import java.util.Map;
import java.util.Set;
import org.examledger.api.admission.Admission;
import org.examledger.api.admission.AdmittedStatement;
import org.examledger.api.admission.CallerIdentity;
import org.examledger.api.admission.StatementDispatcher;
import org.examledger.statements.ReviewStatements;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A flag review signed in the supervisor's browser (WebCrypto Ed25519, {@code review.js}): the page
 * posts the DSSE envelope here with the console's session and CSRF token, and it goes through the
 * same admission, submission rule (the signer's own account) and dispatcher as {@code POST
 * /api/v1/statements}. The server verifies the signature and the canonical form as for any
 * statement; the key never leaves the browser.
 */
@RestController
class FlagReviewSubmission {

  private final Admission admission;
  private final StatementDispatcher dispatcher;
  private final CallerIdentity caller;

  FlagReviewSubmission(Admission admission, StatementDispatcher dispatcher, CallerIdentity caller) {
    this.admission = admission;
    this.dispatcher = dispatcher;
    this.caller = caller;
  }

  @PostMapping(path = "/console/flags/review", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> review(@RequestBody String envelope) {
    AdmittedStatement s = admission.admit(envelope, Set.copyOf(ReviewStatements.COMMANDS.keySet()));
    Map<String, Object> result = dispatcher.dispatch(s, caller.submitterFor(s));
    return ResponseEntity.status(StatementDispatcher.evidenceOnly(result) ? 202 : 201).body(result);
  }
}
