package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The chief examiner settles a double-marked component whose marks diverge beyond tolerance. */
public record AdjudicateScoreCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    String componentId,
    BigDecimal score,
    String reasonText,
    Provenance provenance) {}
