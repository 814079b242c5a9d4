package org.examledger.statements;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Signers;
import org.examledger.envelope.Envelope;
import org.examledger.envelope.Envelopes;
import org.examledger.envelope.KeyResolver;
import org.examledger.envelope.Statement;
import org.examledger.exam.ExamType;
import org.examledger.exam.ScoreComponent;
import org.examledger.keys.ActorRole;
import org.junit.jupiter.api.Test;

/** Each statement type's golden canonical bytes, built by the payload records and read back. */
class StatementGoldenTest {

  // RFC 8032 section 7.1 TEST 1 secret key.
  private static final Bytes SEED =
      Bytes.fromHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
  private static final Instant ISSUED = Instant.parse("2026-06-01T01:00:00Z");
  private static final String SESSION = "S-2026-CNC-4";

  private static final StatementSigner ADMIN =
      new StatementSigner("admin-01", Signers.ed25519FromSeed(SEED));
  private static final StatementSigner EXAMINER =
      new StatementSigner("examiner-07", Signers.ed25519FromSeed(SEED));
  private static final String KEY_ID = ADMIN.signer().publicKey().keyId().value();

  static Bytes golden(String type) {
    String name = "/statements/golden/" + type.replace('/', '-') + ".json";
    try (InputStream in = StatementGoldenTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> void assertGolden(
      StatementSigner signer,
      String type,
      String subject,
      JsonNode payload,
      String nonce,
      T record,
      Function<JsonNode, T> reader) {
    Statement statement = signer.statement(type, subject, payload, ISSUED, nonce);
    if (Boolean.getBoolean("golden.write")) {
      try {
        java.nio.file.Files.write(
            java.nio.file.Path.of(
                "src/test/resources/statements/golden", type.replace('/', '-') + ".json"),
            statement.canonicalBytes().toByteArray());
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    Bytes golden = golden(type);
    assertThat(statement.canonicalBytes().utf8String()).isEqualTo(golden.utf8String());
    Statement read = Statement.fromCanonical(golden);
    assertThat(read.type()).isEqualTo(type);
    assertThat(reader.apply(read.payload())).isEqualTo(record);
    // and the statement signs and verifies as an envelope
    Envelope envelope = signer.sign(type, subject, payload, ISSUED, nonce);
    assertThat(
            Envelopes.verify(
                    envelope,
                    KeyResolver.of(
                        List.of(
                            org.examledger.crypto.Verifiers.forKey(
                                signer.signer().publicKey(), null))))
                .canonicalBytes())
        .isEqualTo(golden);
  }

  @Test
  void sessionSchedule_golden_matches() {
    ScheduleSessionPayload p =
        new ScheduleSessionPayload(
            "CNC lathe operator",
            4,
            ExamType.REGULAR,
            new BigDecimal("60"),
            List.of(
                ScoreComponent.singleMarked("theory", "Theory paper", new BigDecimal("40")),
                new ScoreComponent(
                    "practical", "Turning a stepped shaft", new BigDecimal("60"), BigDecimal.TEN)),
            List.of("R101", "R102"),
            Instant.parse("2026-06-13T01:00:00Z"),
            Instant.parse("2026-06-13T05:00:00Z"));
    assertGolden(
        ADMIN,
        StatementTypes.SESSION_SCHEDULE,
        SESSION,
        p.toJson(),
        "n-0001",
        p,
        ScheduleSessionPayload::read);
  }

  @Test
  void candidateRegister_golden_matches() {
    RegisterCandidatePayload p =
        new RegisterCandidatePayload(
            "C-2026-0001",
            "R101",
            new org.examledger.exam.Eligibility(
                "CNC lathe operator level 5 (2023)", "240 h, City Technical College"),
            List.of(
                org.examledger.exam.DocumentRef.keyed(
                    org.examledger.exam.DocumentType.ID_CARD,
                    "110105194912310021",
                    Bytes.utf8("station-0001 test secret"))));
    assertGolden(
        ADMIN,
        StatementTypes.CANDIDATE_REGISTER,
        SESSION,
        p.toJson(),
        "n-0002",
        p,
        RegisterCandidatePayload::read);
  }

  @Test
  void scoreRecord_golden_matches() {
    RecordScorePayload p =
        new RecordScorePayload("C-2026-0001", "practical", new BigDecimal("48.5"));
    assertGolden(
        EXAMINER,
        StatementTypes.SCORE_RECORD,
        SESSION,
        p.toJson(),
        "n-0003",
        p,
        RecordScorePayload::read);
  }

  @Test
  void scoreCountersign_golden_matches() {
    CountersignScorePayload p =
        new CountersignScorePayload(
            "0b9f3c1e-7f0a-4d7e-9c55-2f3a1c4b8e21",
            "C-2026-0001",
            "practical",
            new BigDecimal("48.5"));
    assertGolden(
        EXAMINER,
        StatementTypes.SCORE_COUNTERSIGN,
        SESSION,
        p.toJson(),
        "n-0004",
        p,
        CountersignScorePayload::read);
  }

  @Test
  void keysRegister_golden_matches() {
    RegisterKeyPayload p =
        new RegisterKeyPayload(
            "admin-01",
            ActorRole.STATION_ADMIN,
            PublicKey.fromSpki(
                Bytes.fromBase64("MCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=")),
            Instant.parse("2026-06-01T00:00:00Z"));
    assertThat(p.publicKey().keyId().value()).isEqualTo(KEY_ID);
    assertGolden(
        ADMIN,
        StatementTypes.KEYS_REGISTER,
        KEY_ID,
        p.toJson(),
        "n-0005",
        p,
        RegisterKeyPayload::read);
  }

  @Test
  void keysRevoke_golden_matches() {
    RevokeKeyPayload p =
        new RevokeKeyPayload(Instant.parse("2026-06-30T00:00:00Z"), "left the station");
    assertGolden(
        ADMIN, StatementTypes.KEYS_REVOKE, KEY_ID, p.toJson(), "n-0006", p, RevokeKeyPayload::read);
  }

  @Test
  void everyType_hasAGoldenFile() {
    for (String type : StatementTypes.ALL) {
      assertThat(golden(type).length()).as(type).isPositive();
    }
  }
}
