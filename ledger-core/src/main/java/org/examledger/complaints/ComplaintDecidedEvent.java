package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** The investigating supervisor decided the complaint. */
@Revision("1")
public record ComplaintDecidedEvent(
    String complaintId, ComplaintOutcome outcome, String reasons, Provenance provenance) {}
