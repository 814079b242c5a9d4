package org.examledger.reviews;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** A supervisor acknowledges a flag: seen, being looked into. */
public record AcknowledgeFlagCommand(
    @TargetAggregateIdentifier String flagId, String comment, Provenance provenance) {}
