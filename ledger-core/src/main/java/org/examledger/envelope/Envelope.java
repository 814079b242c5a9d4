package org.examledger.envelope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.crypto.KeyId;

/**
 * A DSSE v1 envelope (secure-systems-lab/dsse envelope.md): the payload bytes, their type, and the
 * signatures over {@link #pae PAE(payloadType, payload)}. This record is the DSSE structure only;
 * {@link Envelopes#verify} decides whether it carries a valid ledger statement.
 */
public record Envelope(String payloadType, Bytes payload, List<EnvelopeSignature> signatures) {

  // DSSE protocol.md, "PAE": "DSSEv1" = ASCII [0x44, 0x53, 0x53, 0x45, 0x76, 0x31]; SP = 0x20.
  private static final String PAE_PREFIX = "DSSEv1";
  private static final byte SP = 0x20;

  // DSSE envelope.md member names.
  private static final String PAYLOAD_TYPE = "payloadType";
  private static final String PAYLOAD = "payload";
  private static final String SIGNATURES = "signatures";
  private static final String KEYID = "keyid";
  private static final String SIG = "sig";

  public Envelope {
    Objects.requireNonNull(payloadType, PAYLOAD_TYPE);
    Objects.requireNonNull(payload, PAYLOAD);
    signatures = List.copyOf(signatures);
  }

  /**
   * DSSE v1 Pre-Authentication Encoding (protocol.md): "DSSEv1" SP LEN(type) SP type SP LEN(body)
   * SP body, where type is the UTF-8 of payloadType and LEN is the ASCII decimal byte length
   * without leading zeros. This, not the payload alone, is what is signed, so that a signature
   * cannot be replayed under another payload type.
   */
  public static Bytes pae(String payloadType, Bytes payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    byte[] header = (PAE_PREFIX + " " + type.length + " ").getBytes(StandardCharsets.US_ASCII);
    byte[] middle = (" " + payload.length() + " ").getBytes(StandardCharsets.US_ASCII);
    return Bytes.of(header).concat(Bytes.of(type)).concat(Bytes.of(middle)).concat(payload);
  }

  /**
   * The DSSE JSON envelope, itself written as RFC 8785 canonical JSON so that the same envelope
   * always has the same text: {@code
   * {"payload":..,"payloadType":..,"signatures":[{"keyid":..,"sig":..}]}} with payload and sig in
   * standard padded base64.
   */
  public String toJson() {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    root.put(PAYLOAD, Base64Field.encode(payload));
    root.put(PAYLOAD_TYPE, payloadType);
    ArrayNode sigs = root.putArray(SIGNATURES);
    for (EnvelopeSignature s : signatures) {
      sigs.addObject().put(KEYID, s.keyId().value()).put(SIG, Base64Field.encode(s.sig()));
    }
    return CanonicalJson.canonicalize(root).utf8String();
  }

  /**
   * Reads a DSSE JSON envelope. The JSON must be I-JSON (no duplicate names); payloadType, payload,
   * signatures and each signature's sig and keyid are required; unknown members are ignored, as
   * DSSE envelope.md requires of consumers.
   *
   * @throws EnvelopeException naming the member that is missing, of the wrong type, or not base64
   */
  public static Envelope parse(String json) {
    JsonNode root;
    try {
      root = CanonicalJson.parse(json);
    } catch (CanonicalJsonException e) {
      throw new EnvelopeException("envelope is not I-JSON: " + e.getMessage(), e);
    }
    if (!root.isObject()) {
      throw new EnvelopeException("envelope: expected a JSON object, found " + root.getNodeType());
    }
    String payloadType = text(root, PAYLOAD_TYPE, PAYLOAD_TYPE);
    Bytes payload = Base64Field.decode(PAYLOAD, text(root, PAYLOAD, PAYLOAD));
    JsonNode sigs = root.get(SIGNATURES);
    if (sigs == null) {
      throw new EnvelopeException("envelope member \"signatures\" is missing");
    }
    if (!sigs.isArray()) {
      throw new EnvelopeException(
          "envelope member \"signatures\": expected an array, found " + sigs.getNodeType());
    }
    List<EnvelopeSignature> signatures = new ArrayList<>();
    for (int i = 0; i < sigs.size(); i++) {
      String where = "signatures[" + i + "]";
      JsonNode sig = sigs.get(i);
      if (!sig.isObject()) {
        throw new EnvelopeException(
            "envelope member \"" + where + "\": expected an object, found " + sig.getNodeType());
      }
      String keyid = text(sig, KEYID, where + "." + KEYID);
      KeyId keyId;
      try {
        keyId = new KeyId(keyid);
      } catch (IllegalArgumentException e) {
        throw new EnvelopeException(
            "envelope member \"" + where + ".keyid\": " + e.getMessage(), e);
      }
      Bytes sigBytes = Base64Field.decode(where + "." + SIG, text(sig, SIG, where + "." + SIG));
      signatures.add(new EnvelopeSignature(keyId, sigBytes));
    }
    return new Envelope(payloadType, payload, signatures);
  }

  private static String text(JsonNode object, String member, String where) {
    JsonNode node = object.get(member);
    if (node == null) {
      throw new EnvelopeException("envelope member \"" + where + "\" is missing");
    }
    if (!node.isTextual()) {
      throw new EnvelopeException(
          "envelope member \"" + where + "\": expected a string, found " + node.getNodeType());
    }
    return node.textValue();
  }
}
