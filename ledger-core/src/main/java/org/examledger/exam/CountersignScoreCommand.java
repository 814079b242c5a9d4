package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The examiner named on an unsigned score entry countersigns it.
 *
 * @param eventId the identifier of the unsigned entry's {@link ScoreRecordedEvent}
 */
public record CountersignScoreCommand(
    @TargetAggregateIdentifier String sessionId,
    String eventId,
    String candidateId,
    String componentId,
    BigDecimal score,
    Provenance provenance) {}
