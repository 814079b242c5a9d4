package org.examledger.exam;

import org.axonframework.serialization.Revision;

/** The Candidate Notice was read in a room by the proctor who signed. */
@Revision("1")
public record CandidateNoticeReadEvent(String sessionId, String room, Provenance provenance) {}
