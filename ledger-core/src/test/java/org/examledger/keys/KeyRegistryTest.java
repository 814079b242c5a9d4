package org.examledger.keys;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Signers;
import org.examledger.exam.Provenance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeyRegistryTest {

  private static final String REG = KeyRegistry.REGISTRY_ID;
  private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
  private static final PublicKey ADMIN_KEY = key("admin");
  private static final PublicKey EXAMINER_KEY = key("examiner");
  private static final String ADMIN_ID = ADMIN_KEY.keyId().value();
  private static final String EXAMINER_ID = EXAMINER_KEY.keyId().value();
  private static final Provenance BY_ADMIN =
      new Provenance("admin-01", "unauthenticated", T0, "{}");
  private static final Provenance BY_EXAMINER =
      new Provenance("examiner-07", "unauthenticated", T0, "{}");

  private FixtureConfiguration<KeyRegistry> fixture;

  private static PublicKey key(String label) {
    byte[] seed = new byte[32];
    byte[] l = label.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    System.arraycopy(l, 0, seed, 0, l.length);
    return Signers.ed25519FromSeed(Bytes.of(seed)).publicKey();
  }

  private static String b64(PublicKey key) {
    return key.spki().base64();
  }

  @BeforeEach
  void setUp() {
    fixture = new AggregateTestFixture<>(KeyRegistry.class);
  }

  private static KeyRegisteredEvent genesisEvent() {
    return new KeyRegisteredEvent(
        REG,
        ADMIN_ID,
        "admin-01",
        ActorRole.STATION_ADMIN,
        "ED25519",
        b64(ADMIN_KEY),
        T0,
        true,
        BY_ADMIN);
  }

  private static KeyRegisteredEvent examinerEvent() {
    return new KeyRegisteredEvent(
        REG,
        EXAMINER_ID,
        "examiner-07",
        ActorRole.EXAMINER,
        "ED25519",
        b64(EXAMINER_KEY),
        T0,
        false,
        BY_ADMIN);
  }

  @Test
  void genesis_selfSignedAdmin_registers() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterGenesisKeyCommand(
                REG, ADMIN_ID, "admin-01", ActorRole.STATION_ADMIN, b64(ADMIN_KEY), T0, BY_ADMIN))
        .expectEvents(genesisEvent());
  }

  @Test
  void genesis_notAdminRole_isRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterGenesisKeyCommand(
                REG, ADMIN_ID, "admin-01", ActorRole.EXAMINER, b64(ADMIN_KEY), T0, BY_ADMIN))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage("the first key must be a STATION_ADMIN key; was EXAMINER");
  }

  @Test
  void genesis_keyIdNotOfPublicKey_isRefused() {
    fixture
        .givenNoPriorActivity()
        .when(
            new RegisterGenesisKeyCommand(
                REG,
                EXAMINER_ID,
                "admin-01",
                ActorRole.STATION_ADMIN,
                b64(ADMIN_KEY),
                T0,
                BY_ADMIN))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage(
            "the statement's subject must be the key id "
                + ADMIN_ID
                + " of publicKey; was "
                + EXAMINER_ID);
  }

  @Test
  void register_byAdmin_registers() {
    fixture
        .given(genesisEvent())
        .when(
            new RegisterKeyCommand(
                REG,
                ADMIN_ID,
                EXAMINER_ID,
                "examiner-07",
                ActorRole.EXAMINER,
                b64(EXAMINER_KEY),
                T0,
                BY_ADMIN))
        .expectEvents(examinerEvent());
  }

  @Test
  void register_byExaminer_isRefused() {
    fixture
        .given(genesisEvent(), examinerEvent())
        .when(
            new RegisterKeyCommand(
                REG,
                EXAMINER_ID,
                ADMIN_ID,
                "admin-01",
                ActorRole.STATION_ADMIN,
                b64(ADMIN_KEY),
                T0,
                BY_EXAMINER))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage(
            "only a station administrator may register or revoke keys; 'examiner-07' signed with"
                + " key "
                + EXAMINER_ID
                + " of role EXAMINER");
  }

  @Test
  void register_sameKeyTwice_isRefused() {
    fixture
        .given(genesisEvent(), examinerEvent())
        .when(
            new RegisterKeyCommand(
                REG,
                ADMIN_ID,
                EXAMINER_ID,
                "examiner-08",
                ActorRole.EXAMINER,
                b64(EXAMINER_KEY),
                T0,
                BY_ADMIN))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage(
            "key " + EXAMINER_ID + " is already registered (keys are never re-registered)");
  }

  @Test
  void register_unsignedStatement_isRefused() {
    fixture
        .given(genesisEvent())
        .when(
            new RegisterKeyCommand(
                REG,
                ADMIN_ID,
                EXAMINER_ID,
                "examiner-07",
                ActorRole.EXAMINER,
                b64(EXAMINER_KEY),
                T0,
                new Provenance("admin-01", "unauthenticated", T0, null)))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage("key registry statements must be signed");
  }

  @Test
  void revoke_byAdmin_revokes() {
    Instant at = T0.plusSeconds(3600);
    fixture
        .given(genesisEvent(), examinerEvent())
        .when(new RevokeKeyCommand(REG, ADMIN_ID, EXAMINER_ID, at, "left", BY_ADMIN))
        .expectEvents(new KeyRevokedEvent(REG, EXAMINER_ID, "examiner-07", at, "left", BY_ADMIN));
  }

  @Test
  void revoke_twice_isRefused() {
    Instant at = T0.plusSeconds(3600);
    fixture
        .given(
            genesisEvent(),
            examinerEvent(),
            new KeyRevokedEvent(REG, EXAMINER_ID, "examiner-07", at, "left", BY_ADMIN))
        .when(new RevokeKeyCommand(REG, ADMIN_ID, EXAMINER_ID, at, "again", BY_ADMIN))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage("key " + EXAMINER_ID + " was already revoked at " + at);
  }

  @Test
  void revoke_beforeValidFrom_isRefused() {
    Instant before = T0.minusSeconds(1);
    fixture
        .given(genesisEvent(), examinerEvent())
        .when(new RevokeKeyCommand(REG, ADMIN_ID, EXAMINER_ID, before, "r", BY_ADMIN))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage("revokedAt " + before + " is before the key's validFrom " + T0);
  }

  @Test
  void revoke_unknownKey_isRefused() {
    fixture
        .given(genesisEvent())
        .when(new RevokeKeyCommand(REG, ADMIN_ID, EXAMINER_ID, T0, "r", BY_ADMIN))
        .expectException(KeyRegistryViolation.class)
        .expectExceptionMessage("key " + EXAMINER_ID + " is not registered");
  }
}
