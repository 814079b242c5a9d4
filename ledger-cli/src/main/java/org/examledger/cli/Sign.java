package org.examledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.crypto.Digests;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.EnvelopeException;
import org.examledger.envelope.Statement;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ledger sign}: a statement into a DSSE envelope (docs/formats/statements.md). */
@Command(
    name = "sign",
    mixinStandardHelpOptions = true,
    header = "Sign a statement (type, subject, payload) into a DSSE envelope.",
    description = {
      "Signs a statement: builds {v, type, subject, payload, actor, keyId, issuedAt, nonce}",
      "(docs/formats/statements.md), signs its RFC 8785 canonical bytes in a DSSE envelope",
      "and writes the envelope, which is the request body for 'ledger submit'.",
      "The payload file holds the statement's payload: a JSON object with exactly the",
      "members its type lists, e.g. {\"candidateId\":\"C-1\",\"componentId\":\"theory\",\"score\":\"35\"}."
    })
final class Sign implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--key", required = true, description = "The private key file (from keygen).")
  Path key;

  @Option(names = "--password-file", description = "The key file's password (first line).")
  Path passwordFile;

  @Option(names = "--actor", required = true, description = "Who signs: the key's owner.")
  String actor;

  @Option(
      names = "--type",
      required = true,
      description = "Statement type, e.g. exam.score.record/v1.")
  String type;

  @Option(
      names = "--subject",
      required = true,
      description = "The sessionId, or for keys.* statements the keyId.")
  String subject;

  @Option(
      names = "--payload",
      required = true,
      description = "A file with the payload JSON object.")
  Path payload;

  @Option(
      names = "--issued-at",
      description =
          "RFC 3339 time of the statement (default: now). The server accepts it only"
              + " within a few minutes of its clock.")
  String issuedAt;

  @Option(names = "--nonce", description = "Unique per actor (default: 128 random bits in hex).")
  String nonce;

  @Option(names = "--out", description = "Where to write the envelope (default: standard output).")
  Path out;

  @Option(names = "--quiet", description = "No summary on standard error.")
  boolean quiet;

  @Override
  public Integer call() {
    if (!StatementTypes.ALL.contains(type)) {
      throw CliException.usage(
          "--type: unknown statement type '"
              + type
              + "' (known: "
              + String.join(", ", StatementTypes.ALL)
              + ")");
    }
    JsonNode payloadJson;
    try {
      payloadJson = CanonicalJson.parse(Bytes.of(CliFiles.read(payload, "payload file")));
    } catch (CanonicalJsonException e) {
      throw CliException.usage("payload file " + payload + ": not I-JSON: " + e.getMessage());
    }
    if (!payloadJson.isObject()) {
      throw CliException.usage(
          "payload file "
              + payload
              + ": expected a JSON object, found "
              + payloadJson.getNodeType());
    }
    Instant at = issuedAt == null ? Instant.now() : parseTime(issuedAt);
    String n = nonce;
    if (n == null) {
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      n = HexFormat.of().formatHex(random);
    }
    StatementSigner signer = new StatementSigner(actor, CliFiles.privateKey(key, passwordFile));
    Envelope envelope;
    Statement statement;
    try {
      statement = signer.statement(type, subject, payloadJson, at, n);
      envelope = signer.sign(type, subject, payloadJson, at, n);
    } catch (EnvelopeException e) {
      throw CliException.usage(e.getMessage());
    }
    String json = envelope.toJson();
    if (out == null) {
      spec.commandLine().getOut().println(json);
    } else {
      CliFiles.write(out, json.getBytes(StandardCharsets.UTF_8));
    }
    if (!quiet) {
      var err = spec.commandLine().getErr();
      err.println(
          "signed "
              + type
              + " about "
              + subject
              + " as "
              + actor
              + " with key "
              + signer.signer().publicKey().keyId()
              + ", issuedAt "
              + at
              + ", nonce "
              + n
              + "; statement hash "
              + Digests.sha256(statement.canonicalBytes()).hex());
    }
    return LedgerCli.OK;
  }

  private static Instant parseTime(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw CliException.usage(
          "--issued-at: expected an RFC 3339 time such as 2026-06-01T09:30:00Z, found '"
              + text
              + "'");
    }
  }
}
