package org.examledger.verify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.crypto.KeyFormatException;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifiers;
import org.examledger.envelope.EnvelopeException;
import org.examledger.envelope.KeyResolver;
import org.examledger.keys.KeyRegisteredEvent;
import org.examledger.keys.KeyRevokedEvent;
import org.examledger.ledger.StoredEvent;

/**
 * Which key belonged to whom and was valid when, rebuilt from the key registry's own stored events
 * (never from a server's read model), so that a signature is judged by the evidence in the log.
 * Registrations and revocations may arrive in any order. Public for offline verifiers of evidence
 * bundles, which check signatures the same way.
 */
public final class KeyHistory {

  /** The stored payload type of a registration: the event class name Axon records. */
  public static final String REGISTERED = KeyRegisteredEvent.class.getName();

  /** The stored payload type of a revocation. */
  public static final String REVOKED = KeyRevokedEvent.class.getName();

  /**
   * A key as the registry events describe it; valid for statements with validFrom &lt;= issuedAt
   * &lt; revokedAt (ADR 0016, item 4).
   */
  public record Key(String keyId, String ownerId, PublicKey publicKey, Instant validFrom) {}

  private final Map<String, Key> keys = new HashMap<>();
  private final Map<String, Instant> revocations = new HashMap<>();

  public static boolean isKeyEvent(StoredEvent event) {
    return REGISTERED.equals(event.payloadType()) || REVOKED.equals(event.payloadType());
  }

  /**
   * Adds a registration or revocation.
   *
   * @throws KeyHistoryException when the payload cannot be read or repeats a key or revocation
   */
  public void add(StoredEvent event) {
    JsonNode payload;
    try {
      payload = CanonicalJson.parse(event.payload());
    } catch (CanonicalJsonException e) {
      throw new KeyHistoryException("payload is not I-JSON: " + e.getMessage());
    }
    String keyId = text(payload, "keyId");
    if (REGISTERED.equals(event.payloadType())) {
      PublicKey publicKey;
      try {
        publicKey = PublicKey.fromSpki(Bytes.fromBase64(text(payload, "publicKey")));
      } catch (KeyFormatException | IllegalArgumentException e) {
        throw new KeyHistoryException("publicKey is not a base64 SubjectPublicKeyInfo: " + e);
      }
      if (!publicKey.keyId().value().equals(keyId)) {
        throw new KeyHistoryException(
            "keyId " + keyId + " is not the key id of publicKey, " + publicKey.keyId());
      }
      Key key = new Key(keyId, text(payload, "ownerId"), publicKey, instant(payload, "validFrom"));
      if (keys.putIfAbsent(keyId, key) != null) {
        throw new KeyHistoryException("key " + keyId + " is registered a second time");
      }
    } else if (REVOKED.equals(event.payloadType())) {
      if (revocations.putIfAbsent(keyId, instant(payload, "revokedAt")) != null) {
        throw new KeyHistoryException("key " + keyId + " is revoked a second time");
      }
    } else {
      throw new IllegalArgumentException("not a key registry event: " + event.payloadType());
    }
  }

  public Optional<Key> find(String keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /**
   * These keys as an envelope's {@link KeyResolver}: a key id never registered is an {@link
   * EnvelopeException} saying it "is not registered by {@code registeredBy}".
   */
  public KeyResolver resolver(String registeredBy) {
    return keyId ->
        Verifiers.forKey(
            find(keyId.value())
                .orElseThrow(
                    () ->
                        new EnvelopeException(
                            "unknown key: keyid "
                                + keyId
                                + " is not registered by "
                                + registeredBy))
                .publicKey(),
            Sm2UserId.DEFAULT);
  }

  /** When the key was revoked, if it was. */
  public Optional<Instant> revokedAt(String keyId) {
    return Optional.ofNullable(revocations.get(keyId));
  }

  public int size() {
    return keys.size();
  }

  /** Revocations of keys that were never registered. */
  public Map<String, Instant> orphanRevocations() {
    Map<String, Instant> orphans = new HashMap<>(revocations);
    orphans.keySet().removeAll(keys.keySet());
    return orphans;
  }

  private static String text(JsonNode payload, String member) {
    JsonNode node = payload.get(member);
    if (node == null || !node.isTextual()) {
      throw new KeyHistoryException("member \"" + member + "\" is missing or not a string");
    }
    return node.textValue();
  }

  private static Instant instant(JsonNode payload, String member) {
    String text = text(payload, member);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new KeyHistoryException(
          "member \"" + member + "\" is not an ISO-8601 instant: \"" + text + "\"");
    }
  }
}
