package org.examledger.keys;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.KeyFormatException;
import org.examledger.crypto.PublicKey;
import org.examledger.exam.Provenance;

/**
 * The station's one key registry. A single aggregate, so that "is the registry empty", "is this key
 * new" and "is the signer an administrator" are decided against one consistent history, and two
 * registrations racing each other are serialized by the event store's optimistic lock.
 *
 * <p>Signature, key validity at the statement's time and actor-key ownership are checked by
 * admission before a command gets here; the registry checks what only it knows: roles, uniqueness
 * and the order of validFrom and revokedAt.
 */
public class KeyRegistry {

  /** The identifier of the one registry aggregate. */
  public static final String REGISTRY_ID = "key-registry";

  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  @AggregateIdentifier private String registryId;
  private final Map<String, Entry> keys = new HashMap<>();

  private record Entry(String ownerId, ActorRole role, Instant validFrom, Instant revokedAt) {}

  protected KeyRegistry() {
    // required by Axon to rebuild the aggregate from its events
  }

  /** Creates the registry with the first administrator's self-signed key. */
  @CommandHandler
  public KeyRegistry(RegisterGenesisKeyCommand command) {
    requireRegistryId(command.registryId());
    requireProvenance(command.provenance());
    if (command.role() != ActorRole.STATION_ADMIN) {
      throw new KeyRegistryViolation(
          "genesis-not-admin",
          "role",
          "the first key must be a STATION_ADMIN key; was " + command.role());
    }
    if (!command.ownerId().equals(command.provenance().actorId())) {
      throw new KeyRegistryViolation(
          "genesis-not-self-signed",
          "owner",
          "the first key must be registered by its own owner '"
              + command.ownerId()
              + "'; was signed by '"
              + command.provenance().actorId()
              + "'");
    }
    String algorithm = checkKey(command.keyId(), command.ownerId(), command.publicKey());
    requireTime("validFrom", command.validFrom());
    apply(
        new KeyRegisteredEvent(
            command.registryId(),
            command.keyId(),
            command.ownerId(),
            command.role(),
            algorithm,
            command.publicKey(),
            command.validFrom(),
            true,
            command.provenance()));
  }

  @CommandHandler
  public void handle(RegisterKeyCommand command) {
    requireProvenance(command.provenance());
    requireAdmin(command.signerKeyId(), command.provenance());
    if (command.role() == null) {
      throw new KeyRegistryViolation("missing-field", "role", "role is required");
    }
    String algorithm = checkKey(command.keyId(), command.ownerId(), command.publicKey());
    if (keys.containsKey(command.keyId())) {
      throw new KeyRegistryViolation(
          "key-already-registered",
          "publicKey",
          "key " + command.keyId() + " is already registered (keys are never re-registered)");
    }
    requireTime("validFrom", command.validFrom());
    apply(
        new KeyRegisteredEvent(
            registryId,
            command.keyId(),
            command.ownerId(),
            command.role(),
            algorithm,
            command.publicKey(),
            command.validFrom(),
            false,
            command.provenance()));
  }

  @CommandHandler
  public void handle(RevokeKeyCommand command) {
    requireProvenance(command.provenance());
    requireAdmin(command.signerKeyId(), command.provenance());
    Entry entry = keys.get(command.keyId());
    if (entry == null) {
      throw new KeyRegistryViolation(
          "key-not-registered", "keyId", "key " + command.keyId() + " is not registered");
    }
    if (entry.revokedAt() != null) {
      throw new KeyRegistryViolation(
          "key-already-revoked",
          "keyId",
          "key " + command.keyId() + " was already revoked at " + entry.revokedAt());
    }
    requireTime("revokedAt", command.revokedAt());
    if (command.revokedAt().isBefore(entry.validFrom())) {
      throw new KeyRegistryViolation(
          "revoked-before-valid",
          "revokedAt",
          "revokedAt "
              + command.revokedAt()
              + " is before the key's validFrom "
              + entry.validFrom());
    }
    if (command.reason() == null || command.reason().isBlank()) {
      throw new KeyRegistryViolation("missing-field", "reason", "reason is required");
    }
    apply(
        new KeyRevokedEvent(
            registryId,
            command.keyId(),
            entry.ownerId(),
            command.revokedAt(),
            command.reason(),
            command.provenance()));
  }

  @EventSourcingHandler
  void on(KeyRegisteredEvent event) {
    registryId = event.registryId();
    keys.put(event.keyId(), new Entry(event.ownerId(), event.role(), event.validFrom(), null));
  }

  @EventSourcingHandler
  void on(KeyRevokedEvent event) {
    keys.computeIfPresent(
        event.keyId(),
        (id, e) -> new Entry(e.ownerId(), e.role(), e.validFrom(), event.revokedAt()));
  }

  /** The signer's key must be one of this registry's STATION_ADMIN keys, owned by the actor. */
  private void requireAdmin(String signerKeyId, Provenance provenance) {
    Entry signer = signerKeyId == null ? null : keys.get(signerKeyId);
    if (signer == null
        || signer.role() != ActorRole.STATION_ADMIN
        || !signer.ownerId().equals(provenance.actorId())) {
      throw new KeyRegistryViolation(
          "signer-not-admin",
          "actor",
          "only a station administrator may register or revoke keys; '"
              + provenance.actorId()
              + "' signed with key "
              + signerKeyId
              + (signer == null ? ", which is not registered" : " of role " + signer.role()));
    }
  }

  private static String checkKey(String keyId, String ownerId, String publicKeyBase64) {
    if (ownerId == null || !ACTOR.matcher(ownerId).matches()) {
      throw new KeyRegistryViolation(
          "invalid-identifier",
          "owner",
          "owner must be 1-64 characters of letters, digits, '.', '_' or '-'; was "
              + (ownerId == null ? "missing" : "'" + ownerId + "'"));
    }
    PublicKey key;
    try {
      key = PublicKey.fromSpki(Bytes.fromBase64(publicKeyBase64));
    } catch (KeyFormatException | IllegalArgumentException | NullPointerException e) {
      throw new KeyRegistryViolation(
          "invalid-public-key",
          "publicKey",
          "publicKey must be a base64 DER SubjectPublicKeyInfo of an Ed25519 or SM2 key: "
              + e.getMessage());
    }
    if (!key.keyId().value().equals(keyId)) {
      throw new KeyRegistryViolation(
          "key-id-mismatch",
          "subject",
          "the statement's subject must be the key id "
              + key.keyId()
              + " of publicKey; was "
              + keyId);
    }
    return key.algorithm().name();
  }

  private static void requireRegistryId(String registryId) {
    if (!REGISTRY_ID.equals(registryId)) {
      throw new KeyRegistryViolation(
          "wrong-registry",
          "registryId",
          "there is one registry, '" + REGISTRY_ID + "'; was '" + registryId + "'");
    }
  }

  private static void requireTime(String field, Instant value) {
    if (value == null) {
      throw new KeyRegistryViolation("missing-field", field, field + " is required");
    }
  }

  private static void requireProvenance(Provenance provenance) {
    if (provenance == null || provenance.receivedAt() == null || provenance.actorId() == null) {
      throw new KeyRegistryViolation(
          "missing-field", "provenance", "provenance with actor and receivedAt is required");
    }
    if (!provenance.signed()) {
      throw new KeyRegistryViolation(
          "unsigned-key-statement", null, "key registry statements must be signed");
    }
  }
}
