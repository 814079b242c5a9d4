package org.examledger.api.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.examledger.api.admission.BulkRefused;
import org.examledger.api.problem.DatabaseUnavailable;
import org.examledger.api.problem.ProblemTypes;
import org.examledger.api.problem.RequestRefused;
import org.examledger.complaints.ComplaintRuleViolation;
import org.examledger.exam.ExamRuleViolation;
import org.examledger.keys.KeyRegistryViolation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every refusal into an RFC 9457 problem-details body. Each carries a stable {@code rule}
 * (also the last segment of {@code type}) and, where one field is at fault, the {@code field}.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  /** Rules that refuse a request because of what is already stored, not because of its form. */
  private static final Set<String> CONFLICTS =
      Set.of(
          "candidate-already-registered",
          "score-already-recorded",
          "wrong-session-status",
          "wrong-sheet-status",
          "sheet-not-open",
          "sheet-incomplete",
          "already-assigned",
          "actor-not-assigned",
          "examiner-suspended",
          "marks-already-agree",
          "already-adjudicated",
          "nothing-to-adjudicate",
          "same-examiner-twice",
          "notice-not-read",
          "incident-already-recorded",
          "incident-already-resolved",
          "no-own-mark");

  private static final Set<String> NOT_FOUND =
      Set.of(
          "candidate-not-registered",
          "unknown-unsigned-entry",
          "not-assigned",
          "unknown-incident",
          "unknown-room",
          "nothing-to-correct");

  private static final Set<String> KEY_CONFLICTS =
      Set.of("key-already-registered", "key-already-revoked");

  @ExceptionHandler(ExamRuleViolation.class)
  ProblemDetail examRule(ExamRuleViolation violation) {
    HttpStatus status =
        CONFLICTS.contains(violation.rule())
            ? HttpStatus.CONFLICT
            : NOT_FOUND.contains(violation.rule()) ? HttpStatus.NOT_FOUND : HttpStatus.BAD_REQUEST;
    return problem(status, violation.rule(), violation.getMessage(), violation.field());
  }

  /** Admission and the log's own refusals: their status, rule and field as they say. */
  @ExceptionHandler(RequestRefused.class)
  ProblemDetail refused(RequestRefused refused) {
    return problem(
        HttpStatus.valueOf(refused.status()),
        refused.rule(),
        refused.getMessage(),
        refused.field());
  }

  /**
   * A bulk submission refused for one statement: that statement's own problem, with its {@code
   * index} (from 0) and the submission's {@code count}.
   */
  @ExceptionHandler(BulkRefused.class)
  ResponseEntity<ProblemDetail> bulkRefused(BulkRefused e) {
    RuntimeException refusal = e.refusal();
    if (DatabaseUnavailable.causedBy(refusal)) {
      return databaseUnavailable(refusal);
    }
    ProblemDetail body;
    if (refusal instanceof RequestRefused r) {
      body = refused(r);
    } else if (refusal instanceof ExamRuleViolation v) {
      body = examRule(v);
    } else if (refusal instanceof KeyRegistryViolation k) {
      body = keyRule(k);
    } else if (refusal instanceof AggregateNotFoundException n) {
      body = unknownAggregate(n);
    } else if (refusal instanceof ConcurrencyException c) {
      body = concurrency(c);
    } else if (refusal instanceof CommandExecutionException c
        && commandRefusal(c.getCause()) != null) {
      body = commandRefusal(c.getCause());
    } else {
      throw refusal;
    }
    body.setDetail(
        "statement "
            + e.index()
            + " of "
            + e.count()
            + " was refused, so none was stored: "
            + body.getDetail());
    body.setProperty("index", e.index());
    body.setProperty("count", e.count());
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  @ExceptionHandler(KeyRegistryViolation.class)
  ProblemDetail keyRule(KeyRegistryViolation violation) {
    HttpStatus status =
        KEY_CONFLICTS.contains(violation.rule())
            ? HttpStatus.CONFLICT
            : violation.rule().equals("signer-not-admin")
                ? HttpStatus.FORBIDDEN
                : violation.rule().equals("key-not-registered")
                    ? HttpStatus.NOT_FOUND
                    : HttpStatus.BAD_REQUEST;
    return problem(status, violation.rule(), violation.getMessage(), violation.field());
  }

  @ExceptionHandler(ComplaintRuleViolation.class)
  ProblemDetail complaintRule(ComplaintRuleViolation violation) {
    HttpStatus status =
        switch (violation.kind()) {
          case INVALID -> HttpStatus.BAD_REQUEST;
          case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
          case CONFLICT -> HttpStatus.CONFLICT;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
        };
    return problem(status, violation.rule(), violation.getMessage(), violation.field());
  }

  @ExceptionHandler(AggregateNotFoundException.class)
  ProblemDetail unknownAggregate(AggregateNotFoundException e) {
    return problem(
        HttpStatus.NOT_FOUND,
        "unknown-session",
        "no session '" + e.getAggregateIdentifier() + "'",
        "sessionId");
  }

  @ExceptionHandler(AggregateStreamCreationException.class)
  ProblemDetail duplicateAggregate(AggregateStreamCreationException e) {
    return problem(
        HttpStatus.CONFLICT,
        "session-already-exists",
        "a session with this sessionId already exists; sessions are never replaced",
        "sessionId");
  }

  @ExceptionHandler(ConcurrencyException.class)
  ProblemDetail concurrency(ConcurrencyException e) {
    return problem(
        HttpStatus.CONFLICT,
        "already-exists",
        "the session already exists or was changed concurrently: " + e.getMessage(),
        "sessionId");
  }

  @ExceptionHandler(CommandExecutionException.class)
  ResponseEntity<ProblemDetail> commandFailed(CommandExecutionException e) {
    if (DatabaseUnavailable.causedBy(e)) {
      return databaseUnavailable(e);
    }
    ProblemDetail body = commandRefusal(e.getCause());
    if (body == null) {
      throw e;
    }
    return ResponseEntity.status(body.getStatus()).body(body);
  }

  /** The problem for a rule the command's handler refused with, or null for any other failure. */
  private ProblemDetail commandRefusal(Throwable cause) {
    if (cause instanceof ExamRuleViolation v) {
      return examRule(v);
    }
    if (cause instanceof KeyRegistryViolation k) {
      return keyRule(k);
    }
    if (cause instanceof ComplaintRuleViolation c) {
      return complaintRule(c);
    }
    if (cause instanceof AggregateNotFoundException n) {
      return unknownAggregate(n);
    }
    if (cause instanceof AggregateStreamCreationException d) {
      return duplicateAggregate(d);
    }
    if (cause instanceof ConcurrencyException c) {
      return concurrency(c);
    }
    return null;
  }

  /**
   * Anything unforeseen: a 500 that names nothing internal; the log has the details. An unreachable
   * database is no fault of the request: 503 with Retry-After.
   */
  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e) {
    if (DatabaseUnavailable.causedBy(e)) {
      return databaseUnavailable(e);
    }
    logger.error("unexpected failure while handling a request", e);
    return ResponseEntity.internalServerError()
        .body(
            problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error",
                "the ledger could not complete the request; nothing was stored unless it was"
                    + " acknowledged",
                null));
  }

  private ResponseEntity<ProblemDetail> databaseUnavailable(Exception e) {
    logger.warn("database unreachable, answered 503: " + e);
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseUnavailable.RETRY_AFTER_SECONDS))
        .body(
            problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                DatabaseUnavailable.RULE,
                DatabaseUnavailable.DETAIL,
                null));
  }

  @ExceptionHandler(BadQueryProblem.class)
  ProblemDetail badQuery(BadQueryProblem e) {
    return problem(HttpStatus.BAD_REQUEST, e.rule(), e.getMessage(), e.field());
  }

  @ExceptionHandler(NotFoundProblem.class)
  ProblemDetail notFound(NotFoundProblem e) {
    return problem(HttpStatus.NOT_FOUND, e.rule(), e.getMessage(), null);
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<Map<String, String>> errors =
        ex.getBindingResult().getFieldErrors().stream()
            .sorted(Comparator.comparing(FieldError::getField))
            .map(
                f ->
                    Map.of(
                        "field", f.getField(),
                        "rule", String.valueOf(f.getCode()),
                        "message", f.getField() + " " + f.getDefaultMessage()))
            .toList();
    FieldError first =
        ex.getBindingResult().getFieldErrors().stream()
            .min(Comparator.comparing(FieldError::getField))
            .orElse(null);
    ProblemDetail body =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-field",
            errors.stream().map(e -> e.get("message")).collect(Collectors.joining("; ")),
            first == null ? null : first.getField());
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = ex.getMostSpecificCause();
    if (ex.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      String field = path(mapping);
      String detail;
      if (mapping instanceof InvalidFormatException invalid) {
        detail =
            field
                + " has the wrong type or format: '"
                + invalid.getValue()
                + "' is not a valid "
                + invalid.getTargetType().getSimpleName();
      } else if (mapping instanceof MismatchedInputException mismatched
          && mismatched.getTargetType() != null) {
        detail =
            field + " has the wrong type: expected " + mismatched.getTargetType().getSimpleName();
      } else {
        detail = field + " cannot be read: " + mapping.getOriginalMessage();
      }
      return ResponseEntity.badRequest()
          .body(problem(HttpStatus.BAD_REQUEST, "wrong-type", detail, field));
    }
    return ResponseEntity.badRequest()
        .body(
            problem(
                HttpStatus.BAD_REQUEST,
                "malformed-json",
                "the request body is not valid JSON: " + cause.getMessage(),
                null));
  }

  private static String path(JsonMappingException e) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  static ProblemDetail problem(HttpStatus status, String rule, String detail, String field) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(URI.create(ProblemTypes.type(rule)));
    body.setTitle(ProblemTypes.title(rule));
    body.setProperty("rule", rule);
    if (field != null) {
      body.setProperty("field", field);
    }
    return body;
  }
}
