package org.examledger.envelope;

import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.KeyId;

/**
 * One DSSE signature: the signing key's id ("keyid", required by this ledger although DSSE makes it
 * optional) and the signature bytes ("sig") as the algorithm produces them.
 */
public record EnvelopeSignature(KeyId keyId, Bytes sig) {

  public EnvelopeSignature {
    Objects.requireNonNull(keyId, "keyId");
    Objects.requireNonNull(sig, "sig");
  }
}
