package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** The session was opened. */
@Revision("1")
public record SessionOpenedEvent(String sessionId, Provenance provenance) {}
