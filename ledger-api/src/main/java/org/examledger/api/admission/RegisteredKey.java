package org.examledger.api.admission;

import java.time.Instant;
import org.examledger.crypto.PublicKey;
import org.examledger.keys.ActorRole;

/**
 * A key as the registry read model holds it.
 *
 * @param revokedAt null while the key is not revoked
 */
public record RegisteredKey(
    String keyId,
    String ownerId,
    ActorRole role,
    PublicKey publicKey,
    Instant validFrom,
    Instant revokedAt,
    boolean genesis) {

  /** Whether a statement issued at {@code t} may be signed with this key. */
  public boolean validAt(Instant t) {
    return !t.isBefore(validFrom) && (revokedAt == null || t.isBefore(revokedAt));
  }
}
