package org.examledger.statements;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import org.examledger.crypto.Signer;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.Statement;

/**
 * An actor signing ledger statements with one key: builds the {@link Statement} (keyId from the
 * signer) and its DSSE envelope, whose {@link Envelope#toJson()} is a write request body
 * (docs/api.md, "Signing a request by hand").
 */
public final class StatementSigner {

  private final String actorId;
  private final Signer signer;

  public StatementSigner(String actorId, Signer signer) {
    this.actorId = Objects.requireNonNull(actorId, "actorId");
    this.signer = Objects.requireNonNull(signer, "signer");
  }

  public Signer signer() {
    return signer;
  }

  public String actorId() {
    return actorId;
  }

  /** The statement this signer would sign. */
  public Statement statement(
      String type, String subject, JsonNode payload, Instant issuedAt, String nonce) {
    return new Statement(
        type, subject, payload, actorId, signer.publicKey().keyId(), issuedAt, nonce);
  }

  /** Signs the statement: the envelope to send. */
  public Envelope sign(
      String type, String subject, JsonNode payload, Instant issuedAt, String nonce) {
    return Envelopes.sign(statement(type, subject, payload, issuedAt, nonce), signer);
  }
}
