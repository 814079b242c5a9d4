package org.examledger.exam;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A proctor records the prohibited-items check of a room (phones, materials); {@code findings} is
 * empty when nothing was found.
 */
public record RecordProhibitedItemsCheckCommand(
    @TargetAggregateIdentifier String sessionId,
    String room,
    List<String> findings,
    Provenance provenance) {}
