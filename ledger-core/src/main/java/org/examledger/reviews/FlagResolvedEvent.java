package org.examledger.reviews;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A supervisor resolved a flag. */
@Revision("1")
public record FlagResolvedEvent(
    String flagId, FlagResolution resolution, String comment, Provenance provenance) {}
