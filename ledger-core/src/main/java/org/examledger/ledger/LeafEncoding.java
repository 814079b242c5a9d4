package org.examledger.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.merkle.Hash;
import org.examledger.merkle.Rfc6962;

/**
 * The leaf of the ledger's Merkle log for one stored event (docs/formats/leaf.md): the RFC 8785
 * canonical JSON of an object holding every column of the event row except the global index, with
 * the stored payload and metadata embedded as parsed JSON, so that the leaf commits to their
 * meaning and not to Jackson's formatting of the day.
 */
public final class LeafEncoding {

  /** docs/formats/leaf.md: the version member; a changed layout gets a new number. */
  public static final int VERSION = 1;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private LeafEncoding() {}

  /**
   * The leaf input: canonical JSON bytes of the leaf object.
   *
   * @throws LeafEncodingException when the payload or metadata is not I-JSON, naming the event
   */
  public static Bytes leafInput(StoredEvent event) {
    return leafInput(event, parse(event, "payload", event.payload()));
  }

  /**
   * The leaf input of an event whose payload the caller has already parsed with {@link
   * CanonicalJson#parse} (the verifier reads the payload's provenance from the same tree).
   *
   * @throws LeafEncodingException when the metadata is not I-JSON, naming the event
   */
  public static Bytes leafInput(StoredEvent event, JsonNode parsedPayload) {
    ObjectNode leaf = NODES.objectNode();
    leaf.put("v", VERSION);
    leaf.put("eventId", event.eventIdentifier());
    putNullable(leaf, "aggregateType", event.aggregateType());
    leaf.put("aggregateId", event.aggregateIdentifier());
    // A string: RFC 8785 numbers are IEEE 754 doubles, exact only up to 2^53.
    leaf.put("sequenceNumber", Long.toString(event.sequenceNumber()));
    leaf.put("payloadType", event.payloadType());
    putNullable(leaf, "payloadRevision", event.payloadRevision());
    leaf.put("timestamp", event.timestamp());
    leaf.set("payload", parsedPayload);
    leaf.set(
        "metaData",
        event.metaData() == null ? NODES.nullNode() : parse(event, "metaData", event.metaData()));
    try {
      return CanonicalJson.canonicalize(leaf);
    } catch (CanonicalJsonException e) {
      throw new LeafEncodingException(
          "event " + event.eventIdentifier() + ": cannot canonicalize leaf: " + e.getMessage(), e);
    }
  }

  /** RFC 6962 leaf hash of {@link #leafInput}: SHA-256(0x00 || leaf input). */
  public static Hash leafHash(StoredEvent event) {
    return Rfc6962.leafHash(leafInput(event));
  }

  /** {@link #leafHash(StoredEvent)} of an event whose payload the caller has already parsed. */
  public static Hash leafHash(StoredEvent event, JsonNode parsedPayload) {
    return Rfc6962.leafHash(leafInput(event, parsedPayload));
  }

  private static JsonNode parse(StoredEvent event, String column, Bytes json) {
    try {
      return CanonicalJson.parse(json);
    } catch (CanonicalJsonException e) {
      throw new LeafEncodingException(
          "event "
              + event.eventIdentifier()
              + ": stored "
              + column
              + " is not I-JSON: "
              + e.getMessage(),
          e);
    }
  }

  private static void putNullable(ObjectNode leaf, String name, String value) {
    if (value == null) {
      leaf.putNull(name);
    } else {
      leaf.put(name, value);
    }
  }
}
