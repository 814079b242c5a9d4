package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A component score was recorded for a candidate. */
@Revision("1")
public record ScoreRecordedEvent(
    String sessionId,
    String candidateId,
    String componentId,
    BigDecimal score,
    Provenance provenance) {}
