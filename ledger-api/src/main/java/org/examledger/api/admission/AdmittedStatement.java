package org.examledger.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * A statement that passed admission: signed and verified, or unsigned where policy allows it.
 * Commands are built from this (verified) payload only.
 *
 * @param keyId the signing key's id, or null when unsigned
 * @param envelope the DSSE envelope JSON exactly as received, or null when unsigned
 * @param statementHash lowercase hex SHA-256 of the statement's canonical bytes
 * @param genesis the self-signed first administrator key registration
 */
public record AdmittedStatement(
    String type,
    String subject,
    JsonNode payload,
    String actorId,
    String keyId,
    Instant issuedAt,
    String nonce,
    String envelope,
    String statementHash,
    boolean genesis) {

  public boolean signed() {
    return envelope != null;
  }

  @Override
  public JsonNode payload() {
    return payload.deepCopy();
  }
}
