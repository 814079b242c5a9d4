package org.examledger.exam;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A candidate was registered for a session and room; a result sheet now exists for them. */
@Revision("1")
public record CandidateRegisteredEvent(
    String sessionId,
    String candidateId,
    String room,
    Eligibility eligibility,
    List<DocumentRef> documents,
    Provenance provenance) {}
