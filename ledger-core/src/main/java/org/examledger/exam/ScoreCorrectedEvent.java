package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A score was corrected from {@code oldScore} to {@code newScore}; for double-marked components
 * {@code markNumber} says whose mark.
 */
@Revision("1")
public record ScoreCorrectedEvent(
    String sessionId,
    String candidateId,
    String componentId,
    int markNumber,
    BigDecimal oldScore,
    BigDecimal newScore,
    CorrectionReason reason,
    String reasonText,
    Provenance provenance) {}
