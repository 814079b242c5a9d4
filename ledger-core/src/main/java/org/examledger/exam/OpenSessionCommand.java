package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A station administrator opens a scheduled session (rooms ready, staff briefed). */
public record OpenSessionCommand(
    @TargetAggregateIdentifier String sessionId, Provenance provenance) {}
