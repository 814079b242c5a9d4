package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** Reinstatement was approved at one level. */
@Revision("1")
public record ReinstatementApprovedEvent(
    String complaintId,
    String personId,
    ApprovalLevel level,
    String comment,
    Provenance provenance) {}
