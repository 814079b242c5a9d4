package org.examledger.exam;

import org.axonframework.serialization.Revision;

/**
 * The exam started; {@code noticeWaivedReason} is set when it started without the Candidate Notice
 * read in every room.
 */
@Revision("1")
public record SessionStartedEvent(
    String sessionId, String noticeWaivedReason, Provenance provenance) {}
