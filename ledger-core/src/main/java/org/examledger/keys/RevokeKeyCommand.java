package org.examledger.keys;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/** A station administrator (signing with {@code signerKeyId}) revokes a key from revokedAt on. */
public record RevokeKeyCommand(
    @TargetAggregateIdentifier String registryId,
    String signerKeyId,
    String keyId,
    Instant revokedAt,
    String reason,
    Provenance provenance) {}
