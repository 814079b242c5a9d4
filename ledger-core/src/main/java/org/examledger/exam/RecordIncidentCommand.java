package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A proctor records an incident; {@code candidateId} is optional. */
public record RecordIncidentCommand(
    @TargetAggregateIdentifier String sessionId,
    String incidentId,
    IncidentCategory category,
    String description,
    String candidateId,
    Provenance provenance) {}
