package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A station administrator cancels a session that has not started. */
public record CancelSessionCommand(
    @TargetAggregateIdentifier String sessionId, String reason, Provenance provenance) {}
