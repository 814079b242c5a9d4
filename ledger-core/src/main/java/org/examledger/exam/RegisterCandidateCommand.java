package org.examledger.exam;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A station administrator registers a candidate (by admission number) for a session and a room,
 * with the eligibility evidence checked and the identity documents as keyed hashes.
 */
public record RegisterCandidateCommand(
    @TargetAggregateIdentifier String sessionId,
    String candidateId,
    String room,
    Eligibility eligibility,
    List<DocumentRef> documents,
    Provenance provenance) {}
