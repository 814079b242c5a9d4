package org.examledger.exam;

import java.util.List;
import org.axonframework.serialization.Revision;

/** A room's prohibited-items check, with what was found. */
@Revision("1")
public record ProhibitedItemsCheckedEvent(
    String sessionId, String room, List<String> findings, Provenance provenance) {}
