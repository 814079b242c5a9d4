package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.envelope.Statement;

/**
 * A statement without a signature: what a clerk transcribes from a paper sheet, where policy allows
 * it. The same members as a signed {@link Statement} except keyId, which it cannot have. Its
 * identity for replay protection is the SHA-256 of {@link #canonicalBytes()}; a signed statement
 * always has a keyId member, so the two forms never share canonical bytes.
 *
 * @param actorId the person the entry names (the examiner on the sheet), as claimed, not proven
 */
public record UnsignedStatement(
    String type, String subject, JsonNode payload, String actorId, Instant issuedAt, String nonce) {

  private static final List<String> MEMBERS =
      List.of("v", "type", "subject", "payload", "actor", "issuedAt", "nonce");

  public UnsignedStatement {
    Objects.requireNonNull(payload, "payload");
    payload = payload.deepCopy();
  }

  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /**
   * Reads the {@code "statement"} object of an unsigned request.
   *
   * @throws StatementPayloadException naming the member that is missing, unexpected or of the wrong
   *     type (the field is {@code statement.<member>})
   */
  public static UnsignedStatement read(JsonNode statement) {
    PayloadReader r = new PayloadReader(statement, "statement", MEMBERS);
    if (r.integer("v") != Statement.FORMAT_VERSION) {
      throw new StatementPayloadException(
          "statement.v",
          "statement.v: expected " + Statement.FORMAT_VERSION + ", found " + statement.get("v"));
    }
    JsonNode payload = statement.get("payload");
    if (!payload.isObject()) {
      throw new StatementPayloadException(
          "statement.payload",
          "statement.payload: expected a JSON object, found " + payload.getNodeType());
    }
    return new UnsignedStatement(
        r.text("type"),
        r.text("subject"),
        payload,
        r.text("actor"),
        r.instant("issuedAt"),
        r.text("nonce"));
  }

  /** RFC 8785 canonical JSON of the statement object, members as {@link #read} accepts them. */
  public Bytes canonicalBytes() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("v", Statement.FORMAT_VERSION);
    node.put("type", type);
    node.put("subject", subject);
    node.set("payload", payload);
    node.put("actor", actorId);
    node.put("issuedAt", issuedAt.toString());
    node.put("nonce", nonce);
    return CanonicalJson.canonicalize(node);
  }
}
