package org.examledger.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.serialization.Revision;

/** An exam session was scheduled with its pass mark and score components. */
@Revision("1")
public record SessionScheduledEvent(
    String sessionId,
    String occupation,
    int level,
    ExamType examType,
    BigDecimal passMark,
    List<ScoreComponent> components,
    List<String> rooms,
    Instant startsAt,
    Instant endsAt,
    Provenance provenance) {}
