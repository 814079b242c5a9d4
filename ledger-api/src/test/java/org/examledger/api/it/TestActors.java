package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.keys.ActorRole;
import org.examledger.statements.RegisterKeyPayload;
import org.examledger.statements.StatementSigner;
import org.examledger.statements.StatementTypes;

/**
 * The test actors, each with a fixed key (Ed25519 seed = SHA-256 of a label; the SM2 scalar
 * likewise), and the requests they sign. issuedAt is the current time, as a real client's would be,
 * because the server checks it against its clock.
 */
final class TestActors {

  static final StatementSigner ADMIN = ed25519("admin-01");
  static final StatementSigner EXAMINER = ed25519("examiner-07");
  static final StatementSigner PROCTOR = ed25519("proctor-03");
  static final StatementSigner CHIEF = ed25519("chief-01");

  private static final AtomicLong NONCE = new AtomicLong();

  private TestActors() {}

  static StatementSigner ed25519(String actor) {
    return ed25519(actor, actor);
  }

  static StatementSigner ed25519(String actor, String seedLabel) {
    return new StatementSigner(actor, Signers.ed25519FromSeed(seed(seedLabel)));
  }

  /** SM2 with a fixed private scalar; its signatures use a seeded (reproducible) random k. */
  static StatementSigner sm2(String actor) {
    try {
      SecureRandom k = SecureRandom.getInstance("SHA1PRNG");
      k.setSeed(seed("k " + actor).toByteArray());
      return new StatementSigner(actor, Signers.sm2(seed("sm2 " + actor), Sm2UserId.DEFAULT, k));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Bytes seed(String label) {
    return Digests.sha256(Bytes.utf8("examledger test key " + label)).value();
  }

  static String nonce() {
    return "n-" + NONCE.incrementAndGet();
  }

  /** A signed request body, issued now with a fresh nonce. */
  static String signed(StatementSigner actor, String type, String subject, JsonNode payload) {
    return actor.sign(type, subject, payload, Instant.now(), nonce()).toJson();
  }

  static String keyId(StatementSigner actor) {
    return actor.signer().publicKey().keyId().value();
  }

  static String registerKeyBody(
      StatementSigner admin, StatementSigner owner, ActorRole role, Instant validFrom) {
    return signed(
        admin,
        StatementTypes.KEYS_REGISTER,
        keyId(owner),
        new RegisterKeyPayload(owner.actorId(), role, owner.signer().publicKey(), validFrom)
            .toJson());
  }

  /** ADMIN's self-signed genesis key registration, valid from a minute ago. */
  static String genesisBody() {
    return registerKeyBody(ADMIN, ADMIN, ActorRole.STATION_ADMIN, Instant.now().minusSeconds(60));
  }

  /** Registers ADMIN as the genesis key unless it is registered: one event the first time. */
  static void ensureAdmin(LedgerNode node) {
    if (node.get("/api/v1/keys/" + keyId(ADMIN)).status() == 404) {
      LedgerNode.Response genesis =
          node.post(
              "/api/v1/statements",
              registerKeyBody(
                  ADMIN, ADMIN, ActorRole.STATION_ADMIN, Instant.now().minusSeconds(60)));
      assertThat(genesis.status()).as(genesis.body()).isEqualTo(201);
    }
  }

  /** Registers ADMIN as the genesis key and EXAMINER under it, through the HTTP API. */
  static void bootstrap(LedgerNode node) {
    Instant validFrom = Instant.now().minusSeconds(60);
    LedgerNode.Response genesis =
        node.post(
            "/api/v1/statements",
            registerKeyBody(ADMIN, ADMIN, ActorRole.STATION_ADMIN, validFrom));
    assertThat(genesis.status()).as(genesis.body()).isEqualTo(201);
    register(node, EXAMINER, ActorRole.EXAMINER);
  }

  /**
   * Registers PROCTOR (role PROCTOR) and CHIEF (role EXAMINER: the chief examiner is a session
   * role, not a key role) unless already registered. Kept out of {@link #bootstrap} so that tests
   * counting log leaves keep their two key events.
   */
  static void registerStaff(LedgerNode node) {
    if (node.get("/api/v1/keys/" + keyId(PROCTOR)).status() == 404) {
      register(node, PROCTOR, ActorRole.PROCTOR);
    }
    if (node.get("/api/v1/keys/" + keyId(CHIEF)).status() == 404) {
      register(node, CHIEF, ActorRole.EXAMINER);
    }
  }

  static void register(LedgerNode node, StatementSigner owner, ActorRole role) {
    LedgerNode.Response r =
        node.post(
            "/api/v1/statements",
            registerKeyBody(ADMIN, owner, role, Instant.now().minusSeconds(60)));
    assertThat(r.status()).as(r.body()).isEqualTo(201);
  }
}
