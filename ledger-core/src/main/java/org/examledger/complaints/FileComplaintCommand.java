package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/**
 * Station staff (or a supervisor, for a complaint made directly to the guidance centre) record a
 * candidate's complaint about an examiner or proctor; session and candidate are optional.
 */
public record FileComplaintCommand(
    @TargetAggregateIdentifier String complaintId,
    String respondentId,
    RespondentRole respondentRole,
    String sessionId,
    String candidateId,
    ComplaintChannel channel,
    String summary,
    Provenance provenance) {}
