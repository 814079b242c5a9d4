package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An examiner corrects a recorded score with a reason code (and text, required for OTHER). */
public record CorrectScoreCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    String componentId,
    BigDecimal newScore,
    CorrectionReason reason,
    String reasonText,
    Provenance provenance) {}
