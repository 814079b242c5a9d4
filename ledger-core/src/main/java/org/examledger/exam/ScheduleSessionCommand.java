package org.examledger.exam;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A station administrator schedules an exam session. */
public record ScheduleSessionCommand(
    @TargetAggregateIdentifier String sessionId,
    String occupation,
    int level,
    ExamType examType,
    BigDecimal passMark,
    List<ScoreComponent> components,
    List<String> rooms,
    Instant startsAt,
    Instant endsAt,
    Provenance provenance) {}
