package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A decided complaint was reopened for a new decision. */
@Revision("1")
public record ComplaintReopenedEvent(String complaintId, String reason, Provenance provenance) {}
