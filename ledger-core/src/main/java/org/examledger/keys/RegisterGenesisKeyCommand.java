package org.examledger.keys;

import java.time.Instant;
import org.examledger.exam.Provenance;

/**
 * The first station administrator registers their own key, self-signed, while the registry is
 * empty. Creates the registry.
 *
 * @param publicKey the DER SubjectPublicKeyInfo, standard padded base64
 */
public record RegisterGenesisKeyCommand(
    String registryId,
    String keyId,
    String ownerId,
    ActorRole role,
    String publicKey,
    Instant validFrom,
    Provenance provenance) {}
