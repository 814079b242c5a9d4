package org.examledger.api.history;

import org.examledger.api.admission.KeyRegistryView;
import org.examledger.api.admission.RegisteredKey;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifiers;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.EnvelopeException;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.Statement;
import org.examledger.exam.Provenance;

/**
 * Re-verifies a stored event's envelope against the key registry: the signature, the key's owner
 * and its validity at the statement's time. Used by history and by the flags' "bad signature".
 */
public class SignatureChecks {

  private final KeyRegistryView keys;

  public SignatureChecks(KeyRegistryView keys) {
    this.keys = keys;
  }

  /** VALID when the stored envelope verifies with a registered key of the actor, valid then. */
  public HistoryEntry.SignatureStatus check(Provenance p) {
    if (p == null || p.envelope() == null) {
      return new HistoryEntry.SignatureStatus(
          "UNSIGNED", null, "no envelope: entered without the actor's signature");
    }
    String keyId = null;
    try {
      Envelope envelope = Envelope.parse(p.envelope());
      Statement statement =
          Envelopes.verify(
              envelope,
              id ->
                  Verifiers.forKey(
                      keys.find(id.value())
                          .orElseThrow(
                              () -> new EnvelopeException("key " + id + " is not registered"))
                          .publicKey(),
                      Sm2UserId.DEFAULT));
      keyId = statement.keyId().value();
      RegisteredKey key = keys.find(keyId).orElseThrow();
      if (!key.ownerId().equals(p.actorId()) || !statement.actorId().equals(p.actorId())) {
        return new HistoryEntry.SignatureStatus(
            "INVALID",
            keyId,
            "key " + keyId + " belongs to '" + key.ownerId() + "', not to '" + p.actorId() + "'");
      }
      if (!key.validAt(statement.issuedAt())) {
        return new HistoryEntry.SignatureStatus(
            "INVALID",
            keyId,
            "key " + keyId + " was not valid at the statement's time " + statement.issuedAt());
      }
      return new HistoryEntry.SignatureStatus("VALID", keyId, null);
    } catch (EnvelopeException | IllegalArgumentException e) {
      return new HistoryEntry.SignatureStatus("INVALID", keyId, e.getMessage());
    }
  }
}
