package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** A person's role in a session ended. */
@Revision("1")
public record StaffUnassignedEvent(
    String sessionId, String personId, StaffRole role, Provenance provenance) {}
