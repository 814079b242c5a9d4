package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** Evidence was linked to the complaint: a ledger event by id or a document by SHA-256. */
@Revision("1")
public record EvidenceLinkedEvent(
    String complaintId,
    EvidenceKind kind,
    String reference,
    String description,
    Provenance provenance) {}
