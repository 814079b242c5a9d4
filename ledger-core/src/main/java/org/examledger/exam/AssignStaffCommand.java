package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A station administrator assigns a person to a session in a role. */
public record AssignStaffCommand(
    @TargetAggregateIdentifier String sessionId,
    String personId,
    StaffRole role,
    Provenance provenance) {}
