package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** A candidate was registered for a session; a result sheet now exists for them. */
@Revision("1")
public record CandidateRegisteredEvent(
    String sessionId, String candidateId, Provenance provenance) {}
