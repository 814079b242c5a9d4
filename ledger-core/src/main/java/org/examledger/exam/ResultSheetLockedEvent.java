package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** A result sheet was locked after review. */
@Revision("1")
public record ResultSheetLockedEvent(String sessionId, String candidateId, Provenance provenance) {}
