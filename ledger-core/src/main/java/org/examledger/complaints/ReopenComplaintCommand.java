package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** A supervisor reopens a decided complaint, with a reason; it may then be decided again. */
public record ReopenComplaintCommand(
    @TargetAggregateIdentifier String complaintId, String reason, Provenance provenance) {}
