package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The exam time is over. */
public record EndSessionCommand(
    @TargetAggregateIdentifier String sessionId, Provenance provenance) {}
