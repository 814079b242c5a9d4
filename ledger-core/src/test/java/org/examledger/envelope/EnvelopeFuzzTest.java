package org.examledger.envelope;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifiers;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;
import org.examledger.fuzz.Samples;

/**
 * Fuzzes the DSSE envelope reader, the envelope verifier and the statement reader
 * (docs/fuzzing.md): any input is read or refused with {@link EnvelopeException}; what is read
 * round-trips; a statement that can be built can be signed and verified back.
 */
class EnvelopeFuzzTest {

  private static final List<Class<? extends Throwable>> REFUSAL = List.of(EnvelopeException.class);

  private static final KeyResolver KEYS =
      KeyResolver.of(
          List.of(
              Verifiers.forKey(PublicKey.fromPem(pem("ed25519-public-key.pem")), Sm2UserId.DEFAULT),
              Verifiers.forKey(PublicKey.fromPem(pem("sm2-public-key.pem")), Sm2UserId.DEFAULT)));

  /** The golden envelopes and one file per rejection rule. */
  static final List<byte[]> ENVELOPES =
      Samples.all(
          List.of(
              Samples.file("/envelope/golden/ed25519-envelope.json"),
              Samples.file("/envelope/golden/sm2-envelope.json")),
          Samples.folder("/envelope/reject", ".json"));

  /** Statements in canonical form: the envelope goldens' and every statement type's. */
  static final List<byte[]> STATEMENTS =
      Samples.all(
          List.of(
              Samples.file("/envelope/golden/ed25519-statement.json"),
              Samples.file("/envelope/golden/sm2-statement.json")),
          Samples.folder("/statements/golden", ".json"));

  @Property(seed = "3001", tries = 2000)
  void parseAndVerify_mutatedEnvelope_returnsOrRefuses(@ForAll("mutatedEnvelopes") String input) {
    Fuzz.check("Envelope.parse + Envelopes.verify", input, () -> parseAndVerify(input), REFUSAL);
  }

  @Property(seed = "3002", tries = 2000)
  void fromCanonical_mutatedStatement_returnsOrRefuses(@ForAll("mutatedStatements") byte[] input) {
    Fuzz.check(
        "Statement.fromCanonical", input, () -> statementRoundTrip(Bytes.of(input)), REFUSAL);
  }

  @Property(seed = "3003", tries = 500)
  void fromCanonical_randomBytes_returnsOrRefuses(@ForAll("randomBytes") byte[] input) {
    Fuzz.check(
        "Statement.fromCanonical", input, () -> Statement.fromCanonical(Bytes.of(input)), REFUSAL);
  }

  /**
   * Any payload the Statement constructor accepts can be signed, and the envelope verifies back to
   * an equal statement: a statement that can be signed but never verified would be lost evidence.
   */
  @Property(seed = "3004", tries = 1000)
  void signThenVerify_anyAcceptedPayload_givesSameStatement(
      @ForAll("mutatedStatements") byte[] input) {
    JsonNode payload;
    try {
      payload = CanonicalJson.parse(Bytes.of(input));
    } catch (CanonicalJsonException e) {
      return; // not JSON: covered above
    }
    Fuzz.check(
        "Statement sign and verify",
        input,
        () -> signAndVerify(payload.isObject() ? payload : CanonicalJson.parse("{}").deepCopy()),
        REFUSAL);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void allReaders_hostileInput_returnOrRefuse(@ForAll("hostile") String input) {
    Fuzz.check("Envelope.parse", input, () -> Envelope.parse(input), REFUSAL);
    Fuzz.check(
        "Statement.fromCanonical",
        input,
        () -> Statement.fromCanonical(Bytes.utf8(input.replace('\ud800', '?'))),
        REFUSAL);
    Fuzz.check(
        "Statement payload",
        input,
        () -> signAndVerify(CanonicalJson.parse("{\"x\":" + input + "}")),
        List.of(EnvelopeException.class, CanonicalJsonException.class));
  }

  private static Object parseAndVerify(String input) {
    Envelope envelope = Envelope.parse(input);
    if (!Envelope.parse(envelope.toJson()).equals(envelope)) {
      throw new AssertionError("envelope does not read back as itself: " + envelope.toJson());
    }
    return Envelopes.verify(envelope, KEYS);
  }

  private static Object statementRoundTrip(Bytes input) {
    Statement statement = Statement.fromCanonical(input);
    if (!statement.canonicalBytes().equals(input)) {
      throw new AssertionError("statement accepted bytes that are not its canonical form");
    }
    return statement;
  }

  private static Object signAndVerify(JsonNode payload) {
    Statement statement =
        new Statement(
            "fuzz/v1",
            "subject",
            payload,
            "actor",
            Fixtures.TEST1.publicKey().keyId(),
            Instant.parse("2026-11-27T09:30:00Z"),
            "nonce");
    Statement verified;
    try {
      verified =
          Envelopes.verify(
              Envelope.parse(Envelopes.sign(statement, Fixtures.TEST1).toJson()),
              KeyResolver.of(List.of(Verifiers.forKey(Fixtures.TEST1.publicKey(), null))));
    } catch (RuntimeException e) {
      throw new AssertionError("a statement that was built and signed does not verify", e);
    }
    if (!verified.equals(statement)) {
      throw new AssertionError("signed " + statement + " but verified " + verified);
    }
    return verified;
  }

  private static String pem(String name) {
    return new String(Samples.file("/envelope/golden/" + name), StandardCharsets.US_ASCII);
  }

  /** Jazzer targets: replay their seed corpus in the suite, fuzz with JAZZER_FUZZ=1. */
  @FuzzTest(maxDuration = "10m")
  void envelope_jazzer(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Fuzz.check("Envelope.parse + Envelopes.verify", input, () -> parseAndVerify(text), REFUSAL);
  }

  @FuzzTest(maxDuration = "10m")
  void statement_jazzer(byte[] input) {
    Fuzz.check(
        "Statement.fromCanonical", input, () -> statementRoundTrip(Bytes.of(input)), REFUSAL);
  }

  @Provide
  Arbitrary<String> mutatedEnvelopes() {
    return Mutations.textOf(ENVELOPES);
  }

  @Provide
  Arbitrary<byte[]> mutatedStatements() {
    return Mutations.of(STATEMENTS);
  }

  @Provide
  Arbitrary<byte[]> randomBytes() {
    return Mutations.randomBytes();
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(Mutations.hostileTexts());
  }
}
