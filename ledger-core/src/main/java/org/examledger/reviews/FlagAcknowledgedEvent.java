package org.examledger.reviews;

import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A supervisor acknowledged a flag. */
@Revision("1")
public record FlagAcknowledgedEvent(String flagId, String comment, Provenance provenance) {}
