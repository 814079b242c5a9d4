package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** The station, then the upper level, approve the suspended person's reinstatement. */
public record ApproveReinstatementCommand(
    @TargetAggregateIdentifier String complaintId,
    ApprovalLevel level,
    String comment,
    Provenance provenance) {}
