package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/**
 * The investigating supervisor decides: verified (which suspends the respondent) or dismissed, with
 * reasons.
 */
public record DecideComplaintCommand(
    @TargetAggregateIdentifier String complaintId,
    ComplaintOutcome outcome,
    String reasons,
    Provenance provenance) {}
