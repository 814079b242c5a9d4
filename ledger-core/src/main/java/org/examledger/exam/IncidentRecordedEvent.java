package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** An incident was recorded. */
@Revision("1")
public record IncidentRecordedEvent(
    String sessionId,
    String incidentId,
    IncidentCategory category,
    String description,
    String candidateId,
    Provenance provenance) {}
