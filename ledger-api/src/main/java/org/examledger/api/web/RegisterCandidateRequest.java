package org.examledger.api.web;

import jakarta.validation.constraints.NotBlank;

/** Body of {@code POST /api/v1/sessions/{sessionId}/candidates}. */
record RegisterCandidateRequest(@NotBlank String candidateId, @NotBlank String actor) {}
