package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A sheet is reopened for changes, with a reason and the authority that allowed it. */
public record ReopenResultSheetCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    String reason,
    String authority,
    Provenance provenance) {}
