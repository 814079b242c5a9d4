package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A diverging double-marked component was settled by adjudication. */
@Revision("1")
public record ScoreAdjudicatedEvent(
    String sessionId,
    String candidateId,
    String componentId,
    BigDecimal score,
    String reasonText,
    Provenance provenance) {}
