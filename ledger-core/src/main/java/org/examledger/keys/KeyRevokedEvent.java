package org.examledger.keys;

import java.time.Instant;
import org.axonframework.serialization.Revision;
import org.examledger.exam.Provenance;

/** A key was revoked: statements issued at or after revokedAt are no longer admitted under it. */
@Revision("1")
public record KeyRevokedEvent(
    String registryId,
    String keyId,
    String ownerId,
    Instant revokedAt,
    String reason,
    Provenance provenance) {}
