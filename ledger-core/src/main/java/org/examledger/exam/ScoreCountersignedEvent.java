package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** An examiner's signed countersignature of an unsigned entry. */
@Revision("1")
public record ScoreCountersignedEvent(
    String sessionId,
    String candidateId,
    String componentId,
    BigDecimal score,
    Provenance provenance) {}
