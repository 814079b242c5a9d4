package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** The case was referred to the upper-level guidance centre. */
@Revision("1")
public record ComplaintReferredEvent(
    String complaintId, String referredTo, String reason, Provenance provenance) {}
