package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A proctor records that the Candidate Notice (考生须知) was given in a room.
 *
 * @param method how it was given; {@code null} (left out of the statement) means {@code READ_ALOUD}
 */
public record RecordCandidateNoticeReadCommand(
    @TargetAggregateIdentifier String sessionId,
    String room,
    NoticeReadingMethod method,
    Provenance provenance) {}
