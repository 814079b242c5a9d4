package org.examledger.api.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.examledger.exam.ExamType;

/** Body of {@code POST /api/v1/sessions}. {@code sessionId} is optional: the ledger assigns one. */
record ScheduleSessionRequest(
    String sessionId,
    @NotBlank String occupation,
    @NotNull @Min(1) @Max(5) Integer level,
    @NotNull ExamType examType,
    @NotNull @Positive BigDecimal passMark,
    @NotNull Instant startsAt,
    @NotNull Instant endsAt,
    @NotEmpty List<@Valid @NotNull ComponentRequest> components,
    @NotBlank String actor) {

  record ComponentRequest(
      @NotBlank String componentId,
      @NotBlank String name,
      @NotNull @Positive BigDecimal maxScore) {}
}
