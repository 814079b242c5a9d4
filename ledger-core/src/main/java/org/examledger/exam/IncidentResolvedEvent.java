package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** An incident was resolved. */
@Revision("1")
public record IncidentResolvedEvent(
    String sessionId, String incidentId, String resolution, Provenance provenance) {}
