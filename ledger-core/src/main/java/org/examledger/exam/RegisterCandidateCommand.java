package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A station administrator registers a candidate (by admission number) for a session. */
public record RegisterCandidateCommand(
    @TargetAggregateIdentifier String sessionId, String candidateId, Provenance provenance) {}
