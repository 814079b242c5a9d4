package org.examledger.exam;

import org.axonframework.serialization.Revision;

/**
 * A suspended person signed a statement about this session. It is kept (its envelope in the
 * provenance) as evidence and flagged, and has no effect: no score, check or incident follows from
 * it.
 */
@Revision("1")
public record SuspendedActorStatementRecordedEvent(
    String sessionId, String statementType, String statementHash, Provenance provenance) {}
