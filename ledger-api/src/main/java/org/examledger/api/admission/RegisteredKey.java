package org.examledger.api.admission;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
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

  /** What {@code GET /api/v1/keys/{keyId}} answers, and what an evidence bundle's keys/ hold. */
  public Map<String, Object> describe() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("keyId", keyId);
    body.put("owner", ownerId);
    body.put("role", role.name());
    body.put("algorithm", publicKey.algorithm().name());
    body.put("publicKey", publicKey.spki().base64());
    body.put("validFrom", validFrom.toString());
    body.put("revokedAt", revokedAt == null ? null : revokedAt.toString());
    body.put("genesis", genesis);
    return body;
  }
}
