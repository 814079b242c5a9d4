package org.examledger.api.rebuild;

/**
 * A projection's processor as an operator sees it.
 *
 * @param mode TRACKING (rebuildable here) or SUBSCRIBING (kept in the event's own transaction)
 * @param replaying whether it is rebuilding now
 * @param position the global index it has processed up to, or null before the first event
 * @param head the event store's newest global index, or null when it is empty
 * @param progress during a rebuild, the share of the events up to the reset point processed (0 to
 *     1); otherwise null
 * @param error the last processing error, or null
 */
public record ProjectionStatus(
    String name,
    String mode,
    boolean running,
    boolean replaying,
    Long position,
    Long head,
    Double progress,
    String error) {}
