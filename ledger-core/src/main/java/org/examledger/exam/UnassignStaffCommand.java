package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A station administrator removes a person's role in a session. */
public record UnassignStaffCommand(
    @TargetAggregateIdentifier String sessionId,
    String personId,
    StaffRole role,
    Provenance provenance) {}
