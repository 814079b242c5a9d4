package org.examledger.keys;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/**
 * A public key was registered for an actor, valid from validFrom until it is revoked.
 *
 * @param algorithm the key's signature algorithm, e.g. ED25519 or SM2_SM3
 * @param publicKey the DER SubjectPublicKeyInfo, standard padded base64
 * @param genesis true for the self-signed first administrator key that created the registry
 */
@Revision("1")
public record KeyRegisteredEvent(
    String registryId,
    String keyId,
    String ownerId,
    ActorRole role,
    String algorithm,
    String publicKey,
    Instant validFrom,
    boolean genesis,
    Provenance provenance) {}
