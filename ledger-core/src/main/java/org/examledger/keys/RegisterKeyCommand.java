package org.examledger.keys;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.examledger.exam.Provenance;

/**
 * A station administrator (signing with {@code signerKeyId}) registers an actor's public key.
 * Rotation is a registration of the new key followed by a revocation of the old one.
 *
 * @param publicKey the DER SubjectPublicKeyInfo, standard padded base64
 */
public record RegisterKeyCommand(
    @TargetAggregateIdentifier String registryId,
    String signerKeyId,
    String keyId,
    String ownerId,
    ActorRole role,
    String publicKey,
    Instant validFrom,
    Provenance provenance) {}
