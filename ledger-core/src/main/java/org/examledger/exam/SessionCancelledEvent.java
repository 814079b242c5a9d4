package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** The session was cancelled before it started. */
@Revision("1")
public record SessionCancelledEvent(String sessionId, String reason, Provenance provenance) {}
