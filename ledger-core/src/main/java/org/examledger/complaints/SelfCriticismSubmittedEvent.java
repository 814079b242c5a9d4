package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/**
 * The suspended person submitted a written self-criticism (the document by its SHA-256, and a
 * summary).
 */
@Revision("1")
public record SelfCriticismSubmittedEvent(
    String complaintId,
    String personId,
    String documentSha256,
    String summary,
    Provenance provenance) {}
