package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** The investigator refers a serious case to the upper-level guidance centre. */
public record ReferComplaintCommand(
    @TargetAggregateIdentifier String complaintId,
    String referredTo,
    String reason,
    Provenance provenance) {}
