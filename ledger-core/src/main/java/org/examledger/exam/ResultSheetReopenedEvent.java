package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** A submitted or locked sheet was reopened. */
@Revision("1")
public record ResultSheetReopenedEvent(
    String sessionId, String candidateId, String reason, String authority, Provenance provenance) {}
