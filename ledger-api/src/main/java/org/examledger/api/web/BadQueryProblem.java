package org.examledger.api.web;

/** A read's query parameter is out of range; answered as 400 problem details naming it. */
class BadQueryProblem extends RuntimeException {

  private final String rule;
  private final String field;

  BadQueryProblem(String rule, String field, String message) {
    super(message);
    this.rule = rule;
    this.field = field;
  }

  String rule() {
    return rule;
  }

  String field() {
    return field;
  }
}
