package org.examledger.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/**
 * The suspension period ended (a persistent deadline, or the first approval after it); the person
 * now awaits reinstatement. Recorded by the ledger itself: provenance has no envelope.
 */
@Revision("1")
public record SuspensionPeriodEndedEvent(
    String complaintId, String personId, Instant endedAt, Provenance provenance) {}
