package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** The suspended person submits a written self-criticism: the document's SHA-256 and a summary. */
public record SubmitSelfCriticismCommand(
    @TargetAggregateIdentifier String complaintId,
    String documentSha256,
    String summary,
    Provenance provenance) {}
