package org.examledger.envelope;

import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.KeyId;
import org.examledger.crypto.SignatureVerificationException;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Verifier;

/** Signs statements into DSSE envelopes and verifies them back into statements. */
public final class Envelopes {

  /**
   * The DSSE payloadType of a ledger statement. DSSE protocol.md asks for an application-specific
   * media type in the vnd tree that names both encoding and schema, not "application/json".
   */
  public static final String PAYLOAD_TYPE = "application/vnd.examledger.statement+json";

  private Envelopes() {}

  /**
   * Signs the statement's canonical bytes: sig = Sign(PAE(PAYLOAD_TYPE,
   * statement.canonicalBytes())).
   *
   * @throws EnvelopeException if the statement names another key than the signer's
   */
  public static Envelope sign(Statement statement, Signer signer) {
    KeyId signerKey = signer.publicKey().keyId();
    if (!statement.keyId().equals(signerKey)) {
      throw new EnvelopeException(
          "statement keyId " + statement.keyId() + " does not match the signer's key " + signerKey);
    }
    Bytes payload = statement.canonicalBytes();
    Bytes sig = signer.sign(Envelope.pae(PAYLOAD_TYPE, payload));
    return new Envelope(PAYLOAD_TYPE, payload, List.of(new EnvelopeSignature(signerKey, sig)));
  }

  /**
   * Verifies an envelope and returns the statement it carries. In this order: the payloadType is
   * {@link #PAYLOAD_TYPE}; there is exactly one signature (a statement names one key); its keyid is
   * trusted by {@code keys}; the signature verifies over PAE(payloadType, payload); only then is
   * the payload parsed (DSSE protocol.md: verify before parsing), and it must be exactly the
   * canonical form of a statement whose keyId is the signature's keyid.
   *
   * @throws EnvelopeException saying which check failed, with expected and found values
   */
  public static Statement verify(Envelope envelope, KeyResolver keys) {
    if (!PAYLOAD_TYPE.equals(envelope.payloadType())) {
      throw new EnvelopeException(
          "unsupported payloadType: expected \""
              + PAYLOAD_TYPE
              + "\", found \""
              + envelope.payloadType()
              + "\"");
    }
    int count = envelope.signatures().size();
    if (count != 1) {
      throw new EnvelopeException(
          (count == 0 ? "missing signature" : "too many signatures")
              + ": expected exactly 1, found "
              + count);
    }
    EnvelopeSignature signature = envelope.signatures().get(0);
    Verifier verifier = keys.resolve(signature.keyId());
    KeyId resolved = verifier.publicKey().keyId();
    if (!resolved.equals(signature.keyId())) {
      throw new EnvelopeException(
          "key resolver returned key " + resolved + " for keyid " + signature.keyId());
    }
    try {
      verifier.verify(Envelope.pae(envelope.payloadType(), envelope.payload()), signature.sig());
    } catch (SignatureVerificationException e) {
      throw new EnvelopeException(
          "signature with keyid "
              + signature.keyId()
              + " does not verify over PAE(payloadType, payload): "
              + e.getMessage(),
          e);
    }
    Statement statement = Statement.fromCanonical(envelope.payload());
    if (!statement.keyId().equals(signature.keyId())) {
      throw new EnvelopeException(
          "keyid mismatch: the signature's keyid is "
              + signature.keyId()
              + " but the statement's keyId is "
              + statement.keyId());
    }
    return statement;
  }
}
