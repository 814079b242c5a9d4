package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * A result sheet was submitted with the computed total; a differing {@code claimedTotal} is kept as
 * the claim.
 */
@Revision("1")
public record ResultSheetSubmittedEvent(
    String sessionId,
    String candidateId,
    BigDecimal computedTotal,
    BigDecimal claimedTotal,
    boolean passed,
    Provenance provenance) {}
