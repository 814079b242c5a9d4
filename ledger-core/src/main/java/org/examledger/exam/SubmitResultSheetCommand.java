package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A station administrator submits a candidate's result sheet; {@code claimedTotal}, if given, is
 * the total written on paper.
 */
public record SubmitResultSheetCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    BigDecimal claimedTotal,
    Provenance provenance) {}
