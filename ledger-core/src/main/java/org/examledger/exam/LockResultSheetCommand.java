package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A reviewer locks a submitted sheet. */
public record LockResultSheetCommand(
    @TargetAggregateIdentifier String sessionId, String candidateId, Provenance provenance) {}
