package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** A supervisor assigns the case to an investigating supervisor (again to reassign it). */
public record AssignInvestigatorCommand(
    @TargetAggregateIdentifier String complaintId, String investigatorId, Provenance provenance) {}
