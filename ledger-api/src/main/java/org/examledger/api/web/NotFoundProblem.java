package org.examledger.api.web;

/** A read found nothing; answered as 404 problem details with the given rule. */
class NotFoundProblem extends RuntimeException {

  private final String rule;

  NotFoundProblem(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  String rule() {
    return rule;
  }
}
