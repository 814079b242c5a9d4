package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A proctor or administrator records how an incident was resolved. */
public record ResolveIncidentCommand(
    @TargetAggregateIdentifier String sessionId,
    String incidentId,
    String resolution,
    Provenance provenance) {}
