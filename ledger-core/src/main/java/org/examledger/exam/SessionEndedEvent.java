package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** The exam ended. */
@Revision("1")
public record SessionEndedEvent(String sessionId, Provenance provenance) {}
