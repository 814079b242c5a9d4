package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An examiner records a candidate's first score for one component. */
public record RecordScoreCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    String componentId,
    BigDecimal score,
    Provenance provenance) {}
