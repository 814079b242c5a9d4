package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/** A result sheet was published with its final total and outcome. */
@Revision("1")
public record ResultSheetPublishedEvent(
    String sessionId,
    String candidateId,
    BigDecimal total,
    boolean passed,
    Provenance provenance) {}
