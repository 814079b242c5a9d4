package org.examledger.api.admission;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.crypto.Digests;
import org.examledger.crypto.SignatureVerificationException;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifier;
import org.examledger.crypto.Verifiers;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.EnvelopeException;
import org.examledger.envelope.EnvelopeSignature;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.Statement;
import org.examledger.privacy.ResidentIdNumbers;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.StatementPayloadException;
import org.examledger.statements.StatementTypes;
import org.examledger.statements.UnsignedStatement;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Decides whether a write request's statement is admitted, before any command runs. A request body
 * is either a DSSE envelope (signed) or {@code {"statement": {...}}} (unsigned, only for the types
 * {@link AdmissionProperties#unsignedAllowedTypes()} allows). Each refusal is an {@link
 * AdmissionRefused} with its own rule (docs/api.md, "Admission"); nothing is stored.
 */
public class Admission {

  static final int BAD_REQUEST = 400;
  static final int FORBIDDEN = 403;
  static final int NOT_FOUND = 404;
  static final int CONFLICT = 409;
  static final int PAYLOAD_TOO_LARGE = 413;

  private static final Pattern ACTOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
  private static final int MAX_NONCE = 128;
  private static final String UNSIGNED_MEMBER = "statement";

  private final KeyRegistryView registry;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final AdmissionProperties properties;
  private final boolean checkSignatures;

  /**
   * @param checkSignatures false only in the integrity-off benchmark baseline ({@code
   *     ledger.benchmark.integrity=off}): everything is checked but the signatures
   */
  public Admission(
      KeyRegistryView registry,
      JdbcClient jdbc,
      Clock clock,
      AdmissionProperties properties,
      boolean checkSignatures) {
    this.registry = registry;
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.checkSignatures = checkSignatures;
  }

  /**
   * Admits the statement in {@code body} if its type is one of {@code expectedTypes}.
   *
   * @throws AdmissionRefused naming the first check that failed
   */
  public AdmittedStatement admit(String body, Set<String> expectedTypes) {
    AdmittedStatement admitted = admit(body, expectedTypes, registry::find);
    if (!GroupCommit.SESSION_TYPES.contains(admitted.type())) {
      // a statement about a session is checked by its admitted_statement row alone, inserted with
      // its event (AdmittedStatementInterceptor): the same refusal, one query less per statement
      requireUnseen(admitted);
    }
    return admitted;
  }

  /**
   * Admission of the statements of one bulk submission, each by every rule {@link #admit} has, with
   * the database asked less: each signing key is looked up once for the whole bulk, and the replay
   * check is left to each statement's admitted_statement insert (a unique key), or, when a
   * statement's admission is refused, one query over the statements before it ({@link
   * Batch#firstSeen}).
   */
  public Batch batch() {
    return new Batch();
  }

  /** One bulk submission's admission (not thread-safe; one request's). */
  public final class Batch {

    private final Map<String, Optional<RegisteredKey>> keys = new HashMap<>();

    private Batch() {}

    /**
     * Every check of {@link Admission#admit} but the replay check, which the statement's
     * admitted_statement insert makes (or {@link #firstSeen}, for statements before a refusal).
     */
    public AdmittedStatement admitUnlessReplayed(String body, Set<String> expectedTypes) {
      return admit(body, expectedTypes, keyId -> keys.computeIfAbsent(keyId, registry::find));
    }

    /**
     * The index of the first statement of {@code statements} that was admitted before (by its hash,
     * or by its actor and nonce), or -1 when none was: one query for all of them.
     */
    public int firstSeen(List<AdmittedStatement> statements) {
      if (statements.isEmpty()) {
        return -1;
      }
      StringBuilder sql =
          new StringBuilder(
              "SELECT statement_hash, actor_id, nonce FROM admitted_statement WHERE statement_hash"
                  + " IN (");
      List<Object> params = new ArrayList<>();
      Map<String, List<String>> noncesByActor = new LinkedHashMap<>();
      for (int i = 0; i < statements.size(); i++) {
        AdmittedStatement s = statements.get(i);
        sql.append(i == 0 ? "?" : ", ?");
        params.add(s.statementHash());
        noncesByActor.computeIfAbsent(s.actorId(), a -> new ArrayList<>()).add(s.nonce());
      }
      sql.append(")");
      noncesByActor.forEach(
          (actor, nonces) -> {
            sql.append(" OR (actor_id = ? AND nonce IN (")
                .append(String.join(", ", Collections.nCopies(nonces.size(), "?")))
                .append("))");
            params.add(actor);
            params.addAll(nonces);
          });
      Set<String> seen = new HashSet<>();
      jdbc.sql(sql.toString())
          .params(params)
          .query(
              rs -> {
                seen.add("h " + rs.getString("statement_hash").trim());
                seen.add("n " + rs.getString("actor_id") + " " + rs.getString("nonce"));
              });
      if (seen.isEmpty()) {
        return -1;
      }
      for (int i = 0; i < statements.size(); i++) {
        AdmittedStatement s = statements.get(i);
        if (seen.contains("h " + s.statementHash())
            || seen.contains("n " + s.actorId() + " " + s.nonce())) {
          return i;
        }
      }
      return -1;
    }
  }

  private AdmittedStatement admit(
      String body, Set<String> expectedTypes, Function<String, Optional<RegisteredKey>> keys) {
    long limit = properties.maxStatementBytes().toBytes();
    // a char is at least one UTF-8 byte: only a body that might be too long is encoded to count
    if (body.length() > limit && body.getBytes(StandardCharsets.UTF_8).length > limit) {
      throw refuse(
          PAYLOAD_TOO_LARGE,
          "statement-too-large",
          null,
          "a statement may be at most " + limit + " bytes (ledger.admission.max-statement-bytes)");
    }
    JsonNode root;
    try {
      root = CanonicalJson.parse(body);
    } catch (CanonicalJsonException e) {
      throw refuse(
          BAD_REQUEST, "malformed-json", null, "the request body is not I-JSON: " + e.getMessage());
    }
    AdmittedStatement admitted =
        root.isObject() && root.size() == 1 && root.has(UNSIGNED_MEMBER)
            ? unsigned(root.get(UNSIGNED_MEMBER))
            : signed(body, keys);
    if (!expectedTypes.contains(admitted.type())) {
      throw refuse(
          BAD_REQUEST,
          "wrong-statement-type",
          "type",
          "this endpoint takes statements of type "
              + expectedTypes.stream().sorted().toList()
              + "; found \""
              + admitted.type()
              + "\"");
    }
    requireNoResidentIdNumber(admitted);
    return admitted;
  }

  private AdmittedStatement signed(String body, Function<String, Optional<RegisteredKey>> keys) {
    Envelope envelope;
    try {
      envelope = Envelope.parse(body);
    } catch (EnvelopeException e) {
      // Base64Field names the encoding in every message it throws; nothing else mentions base64.
      boolean base64 = e.getMessage().contains("base64");
      throw refuse(BAD_REQUEST, base64 ? "bad-base64" : "malformed-envelope", null, e.getMessage());
    }
    if (!Envelopes.PAYLOAD_TYPE.equals(envelope.payloadType())) {
      throw refuse(
          BAD_REQUEST,
          "wrong-payload-type",
          "payloadType",
          "payloadType must be \""
              + Envelopes.PAYLOAD_TYPE
              + "\"; found \""
              + envelope.payloadType()
              + "\"");
    }
    if (envelope.signatures().size() != 1) {
      throw refuse(
          BAD_REQUEST,
          "malformed-envelope",
          "signatures",
          "a statement envelope carries exactly 1 signature; found "
              + envelope.signatures().size());
    }
    EnvelopeSignature signature = envelope.signatures().get(0);
    String keyId = signature.keyId().value();
    Optional<RegisteredKey> registered = keys.apply(keyId);
    RegisterKeyPayload genesis = registered.isPresent() ? null : genesisCandidate(envelope);
    if (registered.isEmpty() && genesis == null) {
      throw refuse(
          FORBIDDEN, "unknown-key", "keyid", "no key with keyid " + keyId + " is registered");
    }
    Verifier verifier =
        Verifiers.forKey(
            genesis == null ? registered.get().publicKey() : genesis.publicKey(),
            Sm2UserId.DEFAULT);
    try {
      if (checkSignatures) {
        verifier.verify(Envelope.pae(envelope.payloadType(), envelope.payload()), signature.sig());
      }
    } catch (SignatureVerificationException e) {
      throw refuse(
          FORBIDDEN,
          "bad-signature",
          "signatures",
          "the signature with keyid " + keyId + " does not verify: " + e.getMessage());
    }
    Statement statement;
    try {
      statement = Statement.fromCanonical(envelope.payload());
    } catch (EnvelopeException e) {
      throw refuse(BAD_REQUEST, "statement-not-canonical", "payload", e.getMessage());
    }
    if (!statement.keyId().equals(signature.keyId())) {
      throw refuse(
          BAD_REQUEST,
          "key-id-mismatch",
          "keyId",
          "the statement names key "
              + statement.keyId()
              + " but the signature's keyid is "
              + keyId);
    }
    // Every check of Envelopes.verify has been made above, in the order DSSE prescribes (payload
    // type, one signature, its key known, the signature over PAE before the payload is parsed,
    // the canonical statement naming the signer's key), each with its own refusal. The signature
    // is checked once: Ed25519 verification is the largest cost of admitting a statement.
    Instant issuedAt = statement.issuedAt();
    requireSkew(issuedAt);
    if (genesis != null) {
      if (!registry.isEmpty()) {
        throw refuse(
            CONFLICT,
            "registry-not-empty",
            "keyid",
            "a self-signed genesis key registration is accepted only while the key registry is"
                + " empty; key "
                + keyId
                + " is not registered");
      }
      requireActor(statement.actorId(), genesis.owner());
      requireValidFrom(keyId, genesis.validFrom(), issuedAt);
    } else {
      RegisteredKey key = registered.get();
      requireActor(statement.actorId(), key.ownerId());
      requireValidFrom(keyId, key.validFrom(), issuedAt);
      if (key.revokedAt() != null && !issuedAt.isBefore(key.revokedAt())) {
        throw refuse(
            FORBIDDEN,
            "key-revoked",
            "keyid",
            "key "
                + keyId
                + " was revoked at "
                + key.revokedAt()
                + "; the statement was issued at "
                + issuedAt);
      }
    }
    requireNonce(statement.nonce());
    return new AdmittedStatement(
        statement.type(),
        statement.subject(),
        statement.payload(),
        statement.actorId(),
        keyId,
        issuedAt,
        statement.nonce(),
        body,
        Digests.sha256(envelope.payload()).hex(),
        genesis != null);
  }

  /**
   * A key that is not registered may sign only one statement: its own registration as the first key
   * of an empty registry. To know the key, the payload is parsed before the signature is checked;
   * nothing parsed here is trusted until the signature over it has verified.
   */
  private static RegisterKeyPayload genesisCandidate(Envelope envelope) {
    try {
      Statement statement = Statement.fromCanonical(envelope.payload());
      if (!StatementTypes.KEYS_REGISTER.equals(statement.type())
          || !statement.subject().equals(statement.keyId().value())) {
        return null;
      }
      RegisterKeyPayload payload = RegisterKeyPayload.read(statement.payload());
      boolean selfSigned =
          payload.publicKey().keyId().equals(statement.keyId())
              && statement.keyId().equals(envelope.signatures().get(0).keyId());
      return selfSigned ? payload : null;
    } catch (EnvelopeException | StatementPayloadException e) {
      return null;
    }
  }

  private AdmittedStatement unsigned(JsonNode node) {
    UnsignedStatement statement;
    try {
      statement = UnsignedStatement.read(node);
    } catch (StatementPayloadException e) {
      throw refuse(BAD_REQUEST, "malformed-statement", e.field(), e.getMessage());
    }
    if (!properties.unsignedAllowedTypes().contains(statement.type())) {
      throw refuse(
          FORBIDDEN,
          "unsigned-not-allowed",
          "statement.type",
          "statements of type \""
              + statement.type()
              + "\" must be signed; unsigned entries are allowed only for "
              + properties.unsignedAllowedTypes().stream().sorted().toList());
    }
    if (!ACTOR.matcher(statement.actorId()).matches()) {
      throw refuse(
          BAD_REQUEST,
          "malformed-statement",
          "statement.actor",
          "actor must be 1-64 characters of letters, digits, '.', '_' or '-'; was '"
              + statement.actorId()
              + "'");
    }
    requireNonce(statement.nonce());
    requireSkew(statement.issuedAt());
    Bytes canonical = statement.canonicalBytes();
    return new AdmittedStatement(
        statement.type(),
        statement.subject(),
        statement.payload(),
        statement.actorId(),
        null,
        statement.issuedAt(),
        statement.nonce(),
        null,
        Digests.sha256(canonical).hex(),
        false);
  }

  /**
   * The log keeps every admitted statement forever, so a raw identity number in one could never be
   * erased: identity documents go in only as keyed hashes ({@code DocumentRef}). The refusal names
   * the field and never repeats the number (problem details may be logged by proxies).
   */
  private static void requireNoResidentIdNumber(AdmittedStatement s) {
    Optional<String> field;
    if (ResidentIdNumbers.appearsIn(s.subject())) {
      field = Optional.of("subject");
    } else if (ResidentIdNumbers.appearsIn(s.actorId())) {
      field = Optional.of("actor");
    } else if (ResidentIdNumbers.appearsIn(s.nonce())) {
      field = Optional.of("nonce");
    } else {
      field = ResidentIdNumbers.findIn(s.payload(), "payload");
    }
    if (field.isPresent()) {
      throw refuse(
          BAD_REQUEST,
          "personal-data-in-statement",
          field.get(),
          field.get()
              + " holds what looks like a resident identity number (18 characters with a valid"
              + " check character); an identity document goes into a statement only as its keyed"
              + " hash and suffix (./ledger hash-document), never as the number");
    }
  }

  private static void requireActor(String actor, String owner) {
    if (!actor.equals(owner)) {
      throw refuse(
          FORBIDDEN,
          "actor-key-mismatch",
          "actor",
          "the statement's actor '"
              + actor
              + "' is not the owner of the signing key, '"
              + owner
              + "'");
    }
  }

  private static void requireValidFrom(String keyId, Instant validFrom, Instant issuedAt) {
    if (issuedAt.isBefore(validFrom)) {
      throw refuse(
          FORBIDDEN,
          "key-not-yet-valid",
          "issuedAt",
          "key "
              + keyId
              + " is valid from "
              + validFrom
              + "; the statement was issued at "
              + issuedAt);
    }
  }

  private static void requireNonce(String nonce) {
    if (nonce.length() > MAX_NONCE) {
      throw refuse(
          BAD_REQUEST,
          "malformed-statement",
          "nonce",
          "nonce may have at most " + MAX_NONCE + " characters; has " + nonce.length());
    }
  }

  private void requireSkew(Instant issuedAt) {
    Instant now = clock.instant();
    Duration skew = Duration.between(now, issuedAt).abs();
    if (skew.compareTo(properties.maxSkew()) > 0) {
      throw refuse(
          BAD_REQUEST,
          "clock-skew",
          "issuedAt",
          "issuedAt "
              + issuedAt
              + " is "
              + skew
              + " from the ledger's clock ("
              + now
              + "); at most "
              + properties.maxSkew()
              + " is allowed");
    }
  }

  /**
   * Early, friendly answer to a replay. The authority is the unique keys of admitted_statement,
   * inserted with the event (AdmittedStatementInterceptor): two racing copies cannot both pass.
   */
  private void requireUnseen(AdmittedStatement s) {
    long seen =
        jdbc.sql(
                "SELECT COUNT(*) FROM admitted_statement"
                    + " WHERE statement_hash = ? OR (actor_id = ? AND nonce = ?)")
            .params(s.statementHash(), s.actorId(), s.nonce())
            .query(Long.class)
            .single();
    if (seen > 0) {
      throw replayed(s);
    }
  }

  public static AdmissionRefused replayed(AdmittedStatement s) {
    return refuse(
        CONFLICT,
        "statement-replayed",
        "nonce",
        "this statement (sha256 "
            + s.statementHash()
            + ", or actor '"
            + s.actorId()
            + "' with nonce '"
            + s.nonce()
            + "') was admitted before; a statement is admitted once");
  }

  private static AdmissionRefused refuse(int status, String rule, String field, String message) {
    return new AdmissionRefused(status, rule, field, message);
  }
}
