package org.examledger.exam;

import org.axonframework.serialization.Revision;

/**
 * The Candidate Notice was read in a room by the proctor who signed.
 *
 * <p>Revision 2 added {@code method}. Revision 1 events stay stored as they were; {@code
 * org.examledger.upcasting.CandidateNoticeReadEventUpcaster} shows them to handlers as revision 2
 * with {@code READ_ALOUD}, the only method revision 1 recorded (docs/events.md, "Revisions").
 */
@Revision("2")
public record CandidateNoticeReadEvent(
    String sessionId, String room, NoticeReadingMethod method, Provenance provenance) {}
