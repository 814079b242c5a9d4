package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A proctor or administrator starts the exam; without the Candidate Notice read in every room,
 * {@code noticeWaivedReason} must say why.
 */
public record StartSessionCommand(
    @TargetAggregateIdentifier String sessionId,
    String noticeWaivedReason,
    Provenance provenance) {}
