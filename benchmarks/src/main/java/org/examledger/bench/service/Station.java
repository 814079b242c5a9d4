package org.examledger.bench.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.exam.Eligibility;
import org.examledger.keys.ActorRole;
import org.examledger.statements.RegisterCandidatePayload;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;

/**
 * The bench station's people: the administrator {@code admin-01} and, per client, one examiner
 * ({@code examiner-bNN}) and one proctor ({@code proctor-bNN}), each with an Ed25519 key from a
 * fixed seed (SHA-256 of a label) and an account bound to its actor; and the signed statements a
 * station sends in a session's life cycle (docs/api.md, "A station's day").
 */
final class Station {

  static final String ADMIN = "admin-01";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final Bytes STATION_SECRET = Bytes.utf8("examledger bench station secret");

  private final StatementSigner admin = signer(ADMIN);
  private final List<StatementSigner> examiners = new ArrayList<>();
  private final List<StatementSigner> proctors = new ArrayList<>();
  private final int components;

  Station(int clients, int components) {
    for (int c = 0; c < clients; c++) {
      examiners.add(signer(String.format("examiner-b%02d", c)));
      proctors.add(signer(String.format("proctor-b%02d", c)));
    }
    this.components = components;
  }

  static StatementSigner signer(String actor) {
    Bytes seed = Digests.sha256(Bytes.utf8("examledger bench key " + actor)).value();
    return new StatementSigner(actor, Signers.ed25519FromSeed(seed));
  }

  StatementSigner admin() {
    return admin;
  }

  StatementSigner examiner(int client) {
    return examiners.get(client);
  }

  StatementSigner proctor(int client) {
    return proctors.get(client);
  }

  /** Account name = actor id (lower case), bound to the actor, with the key's role. */
  List<String[]> accounts() {
    List<String[]> accounts = new ArrayList<>();
    accounts.add(new String[] {ADMIN, ADMIN, "STATION_ADMIN"});
    for (StatementSigner e : examiners) {
      accounts.add(new String[] {e.actorId(), e.actorId(), "EXAMINER"});
    }
    for (StatementSigner p : proctors) {
      accounts.add(new String[] {p.actorId(), p.actorId(), "PROCTOR"});
    }
    return accounts;
  }

  /** Registers the administrator's genesis key, then every examiner's and proctor's key. */
  void registerKeys(Http http) {
    Instant validFrom = Instant.now().minus(1, ChronoUnit.HOURS);
    List<String> bodies = new ArrayList<>();
    bodies.add(registerKey(admin, ActorRole.STATION_ADMIN, validFrom));
    for (StatementSigner e : examiners) {
      bodies.add(registerKey(e, ActorRole.EXAMINER, validFrom));
    }
    for (StatementSigner p : proctors) {
      bodies.add(registerKey(p, ActorRole.PROCTOR, validFrom));
    }
    for (String body : bodies) {
      Http.Response r = http.post("/api/v1/statements", body, ADMIN);
      if (!r.accepted()) {
        throw new IllegalStateException("registering a key failed: " + r.status() + " " + r.body());
      }
    }
  }

  private String registerKey(StatementSigner owner, ActorRole role, Instant validFrom) {
    return sign(
        admin,
        StatementTypes.KEYS_REGISTER,
        owner.signer().publicKey().keyId().value(),
        new RegisterKeyPayload(owner.actorId(), role, owner.signer().publicKey(), validFrom)
            .toJson(),
        "key-" + owner.actorId());
  }

  static String sign(
      StatementSigner actor, String type, String subject, JsonNode payload, String nonce) {
    return actor.sign(type, subject, payload, Instant.now(), nonce).toJson();
  }

  /** exam.session.schedule/v1 for a session of this station's shape, starting within the hour. */
  JsonNode sessionPayload() {
    ObjectNode p = F.objectNode();
    p.put("occupation", "CNC lathe operator").put("level", 4).put("examType", "REGULAR");
    p.put("passMark", "60");
    p.set("rooms", F.arrayNode().add("R101"));
    Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
    p.put("startsAt", start.toString()).put("endsAt", start.plus(3, ChronoUnit.HOURS).toString());
    ArrayNode list = p.putArray("components");
    for (String id : componentIds()) {
      list.addObject()
          .put("componentId", id)
          .put("name", "Component " + id)
          .put("maxScore", String.valueOf(maxScore()));
    }
    return p;
  }

  List<String> componentIds() {
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= components; i++) {
      ids.add("part-" + i);
    }
    return ids;
  }

  int maxScore() {
    return 100 / components;
  }

  static JsonNode candidatePayload(String candidateId) {
    return new RegisterCandidatePayload(
            candidateId,
            "R101",
            new Eligibility("CNC lathe operator level 3 (2023)", "240 h, City Technical College"),
            List.of(
                DocumentRef.keyed(
                    DocumentType.ADMISSION_TICKET, "ADM-2026-" + candidateId, STATION_SECRET)))
        .toJson();
  }

  static JsonNode scorePayload(String candidateId, String componentId, String score) {
    return F.objectNode()
        .put("candidateId", candidateId)
        .put("componentId", componentId)
        .put("score", score);
  }

  static JsonNode object(String name, String value) {
    return F.objectNode().put(name, value);
  }

  /**
   * An unsigned entry, as a clerk transcribing a paper sheet sends it (docs/api.md): admission
   * checks no signature for it.
   */
  static String unsigned(
      String actor, String type, String subject, JsonNode payload, String nonce) {
    ObjectNode statement = F.objectNode().put("v", 1).put("type", type).put("subject", subject);
    statement.set("payload", payload);
    statement.put("actor", actor).put("issuedAt", Instant.now().toString()).put("nonce", nonce);
    ObjectNode body = F.objectNode();
    body.set("statement", statement);
    return body.toString();
  }
}
