package org.examledger.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** Both approvals are in: the person is active again from reinstatedAt. */
@Revision("1")
public record RespondentReinstatedEvent(
    String complaintId, String personId, Instant reinstatedAt, Provenance provenance) {}
