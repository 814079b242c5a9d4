package org.examledger.api.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** Body of {@code POST /api/v1/sessions/{sessionId}/candidates/{candidateId}/scores}. */
record RecordScoreRequest(
    @NotBlank String componentId, @NotNull BigDecimal score, @NotBlank String actor) {}
