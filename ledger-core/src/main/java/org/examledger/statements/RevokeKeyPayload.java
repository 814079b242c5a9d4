package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Payload of {@value StatementTypes#KEYS_REVOKE}; the subject is the revoked key's keyId.
 *
 * @param revokedAt statements issued at or after this instant are refused under the key
 */
public record RevokeKeyPayload(Instant revokedAt, String reason) {

  /**
   * @throws StatementPayloadException naming the member at fault
   */
  public static RevokeKeyPayload read(JsonNode payload) {
    PayloadReader r = new PayloadReader(payload, "payload", List.of("revokedAt", "reason"));
    return new RevokeKeyPayload(r.instant("revokedAt"), r.text("reason"));
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("revokedAt", revokedAt.toString())
        .put("reason", reason);
  }
}
