package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A second or third examiner's independent mark of a double-marked component ({@code markNumber} 2
 * or 3).
 */
@Revision("1")
public record IndependentMarkRecordedEvent(
    String sessionId,
    String candidateId,
    String componentId,
    int markNumber,
    BigDecimal score,
    Provenance provenance) {}
