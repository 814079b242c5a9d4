package org.examledger.reviews;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** A supervisor resolves a flag with a conclusion and a comment. */
public record ResolveFlagCommand(
    @TargetAggregateIdentifier String flagId,
    FlagResolution resolution,
    String comment,
    Provenance provenance) {}
