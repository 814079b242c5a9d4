package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** A person was assigned to a session in a role. */
@Revision("1")
public record StaffAssignedEvent(
    String sessionId, String personId, StaffRole role, Provenance provenance) {}
