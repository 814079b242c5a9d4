package org.examledger.complaints;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A supervisor was assigned to investigate the complaint. */
@Revision("1")
public record InvestigatorAssignedEvent(
    String complaintId, String investigatorId, Provenance provenance) {}
