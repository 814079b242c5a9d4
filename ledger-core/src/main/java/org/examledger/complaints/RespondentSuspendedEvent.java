package org.examledger.complaints;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;
import org.examledger.keys.ActorRole;

/**
 * A verified complaint suspended its respondent from all assignments, from the decision until
 * suspendedUntil (then awaiting reinstatement).
 */
@Revision("1")
public record RespondentSuspendedEvent(
    String complaintId,
    String personId,
    Instant suspendedFrom,
    Instant suspendedUntil,
    ActorRole stationApprover,
    ActorRole upperLevelApprover,
    Provenance provenance) {}
