package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A complaint was received about an examiner or proctor. */
@Revision("1")
public record ComplaintFiledEvent(
    String complaintId,
    String respondentId,
    RespondentRole respondentRole,
    String sessionId,
    String candidateId,
    ComplaintChannel channel,
    String summary,
    Provenance provenance) {}
