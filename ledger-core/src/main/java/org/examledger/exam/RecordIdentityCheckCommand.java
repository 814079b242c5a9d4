package org.examledger.exam;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A proctor records a candidate's identity check: documents presented (as keyed hashes), method and
 * result.
 */
public record RecordIdentityCheckCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    List<DocumentRef> documents,
    IdentityCheckMethod method,
    IdentityCheckResult result,
    Provenance provenance) {}
