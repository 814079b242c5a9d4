package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.KeyFormatException;
import org.examledger.crypto.PublicKey;
import org.examledger.keys.ActorRole;

/**
 * Payload of {@value StatementTypes#KEYS_REGISTER}; the subject is the new key's keyId (lowercase
 * hex SHA-256 of its SubjectPublicKeyInfo).
 *
 * @param owner the actor the key belongs to
 * @param publicKey the key; in JSON its DER SubjectPublicKeyInfo in standard padded base64
 */
public record RegisterKeyPayload(
    String owner, ActorRole role, PublicKey publicKey, Instant validFrom) {

  private static final List<String> MEMBERS = List.of("owner", "role", "publicKey", "validFrom");

  /**
   * @throws StatementPayloadException naming the member at fault
   */
  public static RegisterKeyPayload read(JsonNode payload) {
    PayloadReader r = new PayloadReader(payload, "payload", MEMBERS);
    String base64 = r.text("publicKey");
    PublicKey key;
    try {
      Bytes spki = Bytes.fromBase64(base64);
      if (!spki.base64().equals(base64)) {
        throw new IllegalArgumentException("not canonical padded base64");
      }
      key = PublicKey.fromSpki(spki);
    } catch (IllegalArgumentException | KeyFormatException e) {
      throw new StatementPayloadException(
          "payload.publicKey",
          "payload.publicKey: expected a base64 DER SubjectPublicKeyInfo of an Ed25519 or SM2"
              + " key: "
              + e.getMessage());
    }
    return new RegisterKeyPayload(
        r.text("owner"), r.enumValue("role", ActorRole.class), key, r.instant("validFrom"));
  }

  public ObjectNode toJson() {
    return JsonNodeFactory.instance
        .objectNode()
        .put("owner", owner)
        .put("role", role.name())
        .put("publicKey", publicKey.spki().base64())
        .put("validFrom", validFrom.toString());
  }
}
