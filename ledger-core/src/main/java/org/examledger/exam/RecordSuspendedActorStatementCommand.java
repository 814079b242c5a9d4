package org.examledger.exam;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Admission found the statement's actor suspended: the statement is kept as evidence, without its
 * effect. Sent by the service, never bound from a payload.
 *
 * @param statementType the type of the statement the suspended person signed
 * @param statementHash lowercase hex SHA-256 of its canonical bytes
 */
public record RecordSuspendedActorStatementCommand(
    @TargetAggregateIdentifier String sessionId,
    String statementType,
    String statementHash,
    Provenance provenance) {}
