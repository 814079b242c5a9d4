package org.examledger.api.console;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The console's refusals as pages in the reader's language (the API's problem details stay with the
 * API's controllers).
 */
@ControllerAdvice(basePackageClasses = ConsoleErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleErrors {

  /** A parameter of the wrong shape, e.g. {@code ?year=soon}. */
  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  String badParameter(
      MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
    return problem(
        ConsoleProblem.badRequest("console.badRequest.parameter", e.getName() + "=" + e.getValue()),
        model,
        response);
  }

  @ExceptionHandler(ConsoleProblem.class)
  String problem(ConsoleProblem e, Model model, HttpServletResponse response) {
    response.setStatus(e.status.value());
    model.addAttribute("messageKey", e.messageKey);
    model.addAttribute("subject", e.subject);
    model.addAttribute("status", e.status.value());
    return "console/problem";
  }
}
