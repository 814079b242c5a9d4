package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The station publishes a locked sheet. */
public record PublishResultSheetCommand(
    @TargetAggregateIdentifier String sessionId, String candidateId, Provenance provenance) {}
