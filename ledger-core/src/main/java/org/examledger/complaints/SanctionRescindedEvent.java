package org.examledger.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A reopened complaint was dismissed: its suspension is lifted from rescindedAt. */
@Revision("1")
public record SanctionRescindedEvent(
    String complaintId, String personId, Instant rescindedAt, Provenance provenance) {}
