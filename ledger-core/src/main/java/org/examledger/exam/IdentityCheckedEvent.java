package org.examledger.exam;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A candidate's identity was checked. */
@Revision("1")
public record IdentityCheckedEvent(
    String sessionId,
    String candidateId,
    List<DocumentRef> documents,
    IdentityCheckMethod method,
    IdentityCheckResult result,
    Provenance provenance) {}
