package org.examledger.complaints;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/**
 * The investigator or station staff link evidence: a ledger event by id or a document by its
 * SHA-256.
 */
public record LinkEvidenceCommand(
    @TargetAggregateIdentifier String complaintId,
    EvidenceKind kind,
    String reference,
    String description,
    Provenance provenance) {}
