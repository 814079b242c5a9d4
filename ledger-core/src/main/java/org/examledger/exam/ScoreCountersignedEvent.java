package org.examledger.exam;

import java.math.BigDecimal;
import org.axonframework.serialization.Revision;

/**
 * An unsigned score entry was countersigned by its examiner; from now on it is signed evidence.
 *
 * @param countersignedEventId the identifier of the unsigned entry's {@link ScoreRecordedEvent}
 */
@Revision("1")
public record ScoreCountersignedEvent(
    String sessionId,
    String countersignedEventId,
    String candidateId,
    String componentId,
    BigDecimal score,
    Provenance provenance) {}
