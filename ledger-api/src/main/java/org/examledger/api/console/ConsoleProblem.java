package org.examledger.api.console;

import org.springframework.http.HttpStatus;

/**
 * A page that cannot be shown: about something that does not exist (404) or asked with a value it
 * cannot use (400). {@link ConsoleErrors} shows it as a page naming the subject in the reader's
 * language.
 */
final class ConsoleProblem extends RuntimeException {

  private static final long serialVersionUID = 1L;

  final HttpStatus status;
  final String messageKey;
  final String subject;

  private ConsoleProblem(HttpStatus status, String messageKey, String subject) {
    super(status.value() + " " + messageKey + ": " + subject);
    this.status = status;
    this.messageKey = messageKey;
    this.subject = subject;
  }

  static ConsoleProblem notFound(String messageKey, String subject) {
    return new ConsoleProblem(HttpStatus.NOT_FOUND, messageKey, subject);
  }

  static ConsoleProblem badRequest(String messageKey, String subject) {
    return new ConsoleProblem(HttpStatus.BAD_REQUEST, messageKey, subject);
  }
}
