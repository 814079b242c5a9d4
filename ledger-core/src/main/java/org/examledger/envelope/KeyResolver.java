package org.examledger.envelope;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.examledger.crypto.KeyId;
import org.examledger.crypto.Verifier;

/** The keys a verifier trusts, looked up by key id. */
@FunctionalInterface
public interface KeyResolver {

  /**
   * The verifier for a trusted key.
   *
   * @throws EnvelopeException when no trusted key has this id
   */
  Verifier resolve(KeyId keyId);

  /** Trusts exactly these keys. */
  static KeyResolver of(List<Verifier> verifiers) {
    Map<KeyId, Verifier> byId = new HashMap<>();
    for (Verifier verifier : verifiers) {
      byId.put(verifier.publicKey().keyId(), verifier);
    }
    Map<KeyId, Verifier> trusted = Map.copyOf(byId);
    return keyId -> {
      Verifier verifier = trusted.get(keyId);
      if (verifier == null) {
        throw new EnvelopeException(
            "unknown key: no trusted key has keyid " + keyId + " (" + trusted.size() + " trusted)");
      }
      return verifier;
    };
  }
}
