package org.examledger.statements;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.canonical.CanonicalJsonException;
import org.examledger.exam.Provenance;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;
import org.examledger.fuzz.Samples;

/**
 * Fuzzes the statement payload readers (docs/fuzzing.md): every reader, the typed ones and the
 * generic binder of each command-backed type, and the unsigned statement reader. Whatever JSON
 * arrives, each returns a value or refuses with {@link StatementPayloadException}.
 */
class PayloadFuzzTest {

  private static final List<Class<? extends Throwable>> REFUSAL =
      List.of(StatementPayloadException.class);
  private static final Provenance PROVENANCE =
      new Provenance("actor", "submitter", Instant.parse("2026-06-01T01:00:00Z"), null);

  /** Every statement type's golden statement: payloads of every shape the readers expect. */
  static final List<byte[]> STATEMENTS = Samples.folder("/statements/golden", ".json");

  /** Each reader by name; all of them see every input, so a reader also meets foreign payloads. */
  private static final Map<String, Function<JsonNode, Object>> READERS = readers();

  private static Map<String, Function<JsonNode, Object>> readers() {
    Map<String, Function<JsonNode, Object>> readers = new LinkedHashMap<>();
    readers.put(StatementTypes.SESSION_SCHEDULE, ScheduleSessionPayload::read);
    readers.put(StatementTypes.CANDIDATE_REGISTER, RegisterCandidatePayload::read);
    readers.put(StatementTypes.SCORE_RECORD, RecordScorePayload::read);
    readers.put(StatementTypes.SCORE_COUNTERSIGN, CountersignScorePayload::read);
    readers.put(StatementTypes.KEYS_REGISTER, RegisterKeyPayload::read);
    readers.put(StatementTypes.KEYS_REVOKE, RevokeKeyPayload::read);
    List<Map<String, Class<? extends Record>>> families =
        List.of(ExamStatements.COMMANDS, ComplaintStatements.COMMANDS, ReviewStatements.COMMANDS);
    for (Map<String, Class<? extends Record>> family : families) {
      family.forEach(
          (type, command) ->
              readers.put(
                  type, payload -> RecordPayloads.bind(command, "subject-1", payload, PROVENANCE)));
    }
    return readers;
  }

  @Property(seed = "4001", tries = 1500)
  void everyReader_mutatedPayload_returnsOrRefuses(@ForAll("mutatedPayloads") byte[] input) {
    JsonNode payload = jsonOrNull(input);
    if (payload == null) {
      return; // payloads reach the readers as parsed JSON; the parser is fuzzed on its own
    }
    Fuzz.check("statement payload readers", input, () -> readAll(payload), REFUSAL);
  }

  @Property(seed = "4002", tries = 1000)
  void unsignedStatement_mutatedStatement_returnsOrRefuses(
      @ForAll("mutatedStatements") byte[] input) {
    JsonNode statement = jsonOrNull(input);
    if (statement == null) {
      return;
    }
    Fuzz.check("UnsignedStatement.read", input, () -> UnsignedStatement.read(statement), REFUSAL);
  }

  @net.jqwik.api.Example
  void everyReader_unmutatedGoldenPayload_readsItsOwnType() {
    // The harness above must not pass only because every input is refused: the goldens are read.
    for (byte[] golden : STATEMENTS) {
      JsonNode statement = CanonicalJson.parse(Bytes.of(golden));
      String type = statement.get("type").textValue();
      if (READERS.get(type).apply(statement.get("payload")) == null) {
        throw new AssertionError(type + " read its golden payload as null");
      }
    }
  }

  /** Runs every reader; a refusal by one does not stop the others. */
  private static Object readAll(JsonNode payload) {
    List<Object> read = new ArrayList<>();
    for (Map.Entry<String, Function<JsonNode, Object>> reader : READERS.entrySet()) {
      try {
        read.add(reader.getValue().apply(payload.deepCopy()));
      } catch (StatementPayloadException e) {
        if (e.getMessage() == null || e.field() == null) {
          throw new AssertionError(reader.getKey() + " refused without a message or field", e);
        }
      } catch (RuntimeException | Error e) {
        throw new AssertionError(
            "reader of " + reader.getKey() + " crashed with " + e.getClass().getName(), e);
      }
    }
    return read;
  }

  private static JsonNode jsonOrNull(byte[] input) {
    try {
      return CanonicalJson.parse(Bytes.of(input));
    } catch (CanonicalJsonException e) {
      return null;
    }
  }

  /** Jazzer target: replays its seed corpus in the suite, fuzzes with JAZZER_FUZZ=1. */
  @FuzzTest(maxDuration = "10m")
  void payloads_jazzer(byte[] input) {
    JsonNode payload = jsonOrNull(input);
    if (payload != null) {
      Fuzz.check("statement payload readers", input, () -> readAll(payload), REFUSAL);
    }
  }

  @Provide
  Arbitrary<byte[]> mutatedPayloads() {
    List<byte[]> payloads = new ArrayList<>();
    for (byte[] golden : STATEMENTS) {
      payloads.add(
          CanonicalJson.canonicalize(CanonicalJson.parse(Bytes.of(golden)).get("payload"))
              .toByteArray());
    }
    return Mutations.of(payloads);
  }

  @Provide
  Arbitrary<byte[]> mutatedStatements() {
    List<byte[]> unsigned = new ArrayList<>();
    for (byte[] golden : STATEMENTS) {
      ObjectNode statement = (ObjectNode) CanonicalJson.parse(Bytes.of(golden));
      statement.remove("keyId");
      unsigned.add(CanonicalJson.canonicalize(statement).toByteArray());
    }
    return Mutations.of(unsigned);
  }
}
