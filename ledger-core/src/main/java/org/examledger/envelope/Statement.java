package org.examledger.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.crypto.KeyId;

/**
 * What an actor asserts and signs: a typed statement about a subject, with its JSON payload, who
 * made it, with which key, when, and a nonce against replay. {@link #canonicalBytes()} is the only
 * source of the bytes that are signed (docs/formats/envelope.md).
 *
 * <p>The payload is copied in and out (a {@link JsonNode} is mutable) and normalized through its
 * canonical form, so that two statements are equal exactly when their canonical bytes are.
 *
 * @param type what kind of statement, e.g. "exam.score.recorded/v1"
 * @param subject what it is about, e.g. an exam sitting id
 * @param payload a JSON object with the statement's data; must be I-JSON
 * @param actorId who asserts it ("actor" in JSON)
 * @param keyId the key the actor signs with; must be the key of the envelope's signature
 * @param issuedAt when the actor made it, as the actor's clock says
 * @param nonce unique per actor and key, so that a replayed envelope can be recognized
 */
public record Statement(
    String type,
    String subject,
    JsonNode payload,
    String actorId,
    KeyId keyId,
    Instant issuedAt,
    String nonce) {

  /** Value of the "v" member: the version of this statement format. */
  public static final int FORMAT_VERSION = 1;

  // The members of the canonical form, in the order fromCanonical reports missing ones.
  static final String V = "v";
  static final String TYPE = "type";
  static final String SUBJECT = "subject";
  static final String PAYLOAD = "payload";
  static final String ACTOR = "actor";
  static final String KEY_ID = "keyId";
  static final String ISSUED_AT = "issuedAt";
  static final String NONCE = "nonce";
  private static final List<String> MEMBERS =
      List.of(V, TYPE, SUBJECT, PAYLOAD, ACTOR, KEY_ID, ISSUED_AT, NONCE);

  /**
   * @throws EnvelopeException naming the field when a string is empty, the payload is not a JSON
   *     object or not I-JSON, nests deeper than {@link #MAX_PAYLOAD_DEPTH}, or issuedAt falls
   *     outside the years 0000..9999
   */
  public Statement {
    requireText(TYPE, type);
    requireText(SUBJECT, subject);
    Objects.requireNonNull(payload, PAYLOAD);
    requireText(ACTOR, actorId);
    Objects.requireNonNull(keyId, KEY_ID);
    Objects.requireNonNull(issuedAt, ISSUED_AT);
    requireText(NONCE, nonce);
    if (!payload.isObject()) {
      throw new EnvelopeException(
          "statement member \"payload\": expected a JSON object, found " + payload.getNodeType());
    }
    try {
      payload = CanonicalJson.parse(CanonicalJson.canonicalize(payload));
    } catch (CanonicalJsonException e) {
      throw new EnvelopeException("statement member \"payload\": " + e.getMessage(), e);
    }
    // The statement object is one level more: a payload at the canonical JSON limit would be
    // signed into bytes that no verifier parses (found by EnvelopeFuzzTest).
    if (depth(payload, 0) > MAX_PAYLOAD_DEPTH) {
      throw new EnvelopeException(
          "statement member \"payload\": nested more than "
              + MAX_PAYLOAD_DEPTH
              + " levels of arrays and objects; with the statement around it that exceeds the"
              + " canonical JSON limit of "
              + CanonicalJson.MAX_DEPTH
              + " levels");
    }
    Rfc3339.format(issuedAt); // range check now rather than when signing
  }

  /** Levels of arrays and objects a payload may nest, counting itself: one less than the limit. */
  public static final int MAX_PAYLOAD_DEPTH = CanonicalJson.MAX_DEPTH - 1;

  /** Levels of containers in {@code node}; stops counting past the limit. */
  private static int depth(JsonNode node, int above) {
    if (!node.isContainerNode() || above > MAX_PAYLOAD_DEPTH) {
      return above;
    }
    int deepest = above + 1;
    for (JsonNode child : node) {
      deepest = Math.max(deepest, depth(child, above + 1));
    }
    return deepest;
  }

  /** A copy: changing it does not change this statement. */
  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }

  /**
   * The RFC 8785 canonical JSON of this statement, the bytes that are signed: {@code
   * {"actor":..,"issuedAt":..,"keyId":..,"nonce":..,"payload":{..},"subject":..,"type":..,"v":1}}.
   */
  public Bytes canonicalBytes() {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(V, FORMAT_VERSION);
    node.put(TYPE, type);
    node.put(SUBJECT, subject);
    node.set(PAYLOAD, payload);
    node.put(ACTOR, actorId);
    node.put(KEY_ID, keyId.value());
    node.put(ISSUED_AT, Rfc3339.format(issuedAt));
    node.put(NONCE, nonce);
    return CanonicalJson.canonicalize(node);
  }

  /**
   * Reads a statement from bytes that must be exactly its canonical form.
   *
   * @throws EnvelopeException if the bytes are not canonical JSON, a member is missing, unexpected
   *     or of the wrong type (the message names it), or "v" is not {@value #FORMAT_VERSION}
   */
  public static Statement fromCanonical(Bytes canonicalJson) {
    JsonNode root;
    try {
      root = CanonicalJson.parse(canonicalJson);
    } catch (CanonicalJsonException e) {
      throw notCanonical(e);
    }
    // The bytes are proven canonical by the one comparison at the end (the canonical form of
    // the statement they encode is canonical JSON), not by writing them once more first. The
    // failures say "not canonical" whenever the bytes are not, before anything else, as if the
    // form had been checked first.
    Statement statement;
    try {
      statement = fromTree(root);
    } catch (EnvelopeException e) {
      requireCanonical(canonicalJson);
      throw e;
    }
    // Every member was checked; this guards the whole: one statement, one byte sequence.
    Bytes again = statement.canonicalBytes();
    if (!again.equals(canonicalJson)) {
      requireCanonical(canonicalJson);
      throw new EnvelopeException(
          "statement bytes are not the canonical form of the statement they encode: expected "
              + again.utf8String()
              + ", found "
              + canonicalJson.utf8String());
    }
    return statement;
  }

  private static void requireCanonical(Bytes json) {
    try {
      CanonicalJson.parseCanonical(json);
    } catch (CanonicalJsonException e) {
      throw notCanonical(e);
    }
  }

  private static EnvelopeException notCanonical(CanonicalJsonException e) {
    return new EnvelopeException("statement is not canonical JSON: " + e.getMessage(), e);
  }

  private static Statement fromTree(JsonNode root) {
    if (!root.isObject()) {
      throw new EnvelopeException("statement: expected a JSON object, found " + root.getNodeType());
    }
    JsonNode version = root.get(V);
    if (version != null && !(version.isIntegralNumber() && version.intValue() == FORMAT_VERSION)) {
      throw new EnvelopeException(
          "statement member \"v\": expected " + FORMAT_VERSION + ", found " + version);
    }
    for (String member : MEMBERS) {
      if (!root.has(member)) {
        throw new EnvelopeException("statement member \"" + member + "\" is missing");
      }
    }
    TreeSet<String> unexpected = new TreeSet<>();
    for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!MEMBERS.contains(name)) {
        unexpected.add(name);
      }
    }
    if (!unexpected.isEmpty()) {
      throw new EnvelopeException(
          "statement has unexpected member \""
              + unexpected.first()
              + "\": expected only "
              + String.join(", ", MEMBERS));
    }
    KeyId keyId;
    try {
      keyId = new KeyId(text(root, KEY_ID));
    } catch (IllegalArgumentException e) {
      throw new EnvelopeException("statement member \"keyId\": " + e.getMessage(), e);
    }
    return new Statement(
        text(root, TYPE),
        text(root, SUBJECT),
        root.get(PAYLOAD),
        text(root, ACTOR),
        keyId,
        Rfc3339.parse(text(root, ISSUED_AT)),
        text(root, NONCE));
  }

  private static String text(JsonNode root, String member) {
    JsonNode node = root.get(member);
    if (!node.isTextual()) {
      throw new EnvelopeException(
          "statement member \"" + member + "\": expected a string, found " + node.getNodeType());
    }
    return node.textValue();
  }

  private static void requireText(String member, String value) {
    Objects.requireNonNull(value, member);
    if (value.isEmpty()) {
      throw new EnvelopeException(
          "statement member \"" + member + "\": expected a non-empty string, found \"\"");
    }
  }
}
