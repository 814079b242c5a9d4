package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A proctor records that the Candidate Notice (考生须知) was read aloud in a room. */
public record RecordCandidateNoticeReadCommand(
    @TargetAggregateIdentifier String sessionId, String room, Provenance provenance) {}
