package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An examiner countersigns an unsigned entry, asserting the value they saw. */
public record CountersignScoreCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    String componentId,
    BigDecimal score,
    Provenance provenance) {}
