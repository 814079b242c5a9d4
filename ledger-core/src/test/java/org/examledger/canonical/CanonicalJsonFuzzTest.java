package org.examledger.canonical;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.examledger.bytes.Bytes;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;
import org.examledger.fuzz.Samples;

/**
 * Fuzzes the strict I-JSON parser and the canonicalizer (docs/fuzzing.md): on any input they return
 * or throw {@link CanonicalJsonException}, in time; what they accept round-trips.
 */
class CanonicalJsonFuzzTest {

  private static final List<Class<? extends Throwable>> REFUSAL =
      List.of(CanonicalJsonException.class);

  /** RFC 8785 vectors, statement and envelope goldens, event goldens, a leaf input. */
  static final List<byte[]> SAMPLES =
      Samples.all(
          Samples.folder("/vectors/jcs/input", ".json"),
          Samples.folder("/statements/golden", ".json"),
          Samples.folder("/envelope/golden", ".json"),
          Samples.folder("/exam/golden", ".json"),
          Samples.folder("/canonical/reject", ".json"),
          List.of(Samples.file("/ledger/golden-leaf-input.json")));

  @Property(seed = "8785001", tries = 3000)
  void parseBytes_mutatedSample_returnsOrRefuses(@ForAll("mutatedBytes") byte[] input) {
    Fuzz.check("CanonicalJson.parse(Bytes)", input, () -> roundTrip(Bytes.of(input)), REFUSAL);
  }

  @Property(seed = "8785002", tries = 1500)
  void parseText_mutatedSample_returnsOrRefuses(@ForAll("mutatedText") String input) {
    Fuzz.check("CanonicalJson.parse(String)", input, () -> roundTrip(input), REFUSAL);
  }

  @Property(seed = "8785003", tries = 1500)
  void parseCanonical_mutatedSample_returnsOrRefuses(@ForAll("mutatedBytes") byte[] input) {
    Fuzz.check(
        "CanonicalJson.parseCanonical",
        input,
        () -> CanonicalJson.parseCanonical(Bytes.of(input)),
        REFUSAL);
  }

  @Property(seed = "8785004", tries = 1000)
  void parseBytes_randomBytes_returnsOrRefuses(@ForAll("randomBytes") byte[] input) {
    Fuzz.check("CanonicalJson.parse(Bytes)", input, () -> roundTrip(Bytes.of(input)), REFUSAL);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void parseText_hostileInput_returnsOrRefuses(@ForAll("hostile") String input) {
    Fuzz.check("CanonicalJson.parse(String)", input, () -> roundTrip(input), REFUSAL);
  }

  /** Jazzer: replays the seed corpus in the suite; fuzzes with JAZZER_FUZZ=1 (docs/fuzzing.md). */
  @FuzzTest(maxDuration = "10m")
  void parseBytes_jazzer(byte[] input) {
    Fuzz.check("CanonicalJson.parse(Bytes)", input, () -> roundTrip(Bytes.of(input)), REFUSAL);
  }

  /**
   * Whatever the parser accepts, the canonicalizer writes, and its output parses back to an equal
   * tree that is already canonical.
   */
  private static Object roundTrip(Object input) {
    JsonNode tree =
        input instanceof Bytes b ? CanonicalJson.parse(b) : CanonicalJson.parse((String) input);
    Bytes canonical = CanonicalJson.canonicalize(tree);
    JsonNode again = CanonicalJson.parseCanonical(canonical);
    if (!again.equals(tree) || !CanonicalJson.canonicalize(again).equals(canonical)) {
      throw new AssertionError("round trip changed " + tree + " into " + again);
    }
    return again;
  }

  @Provide
  Arbitrary<byte[]> mutatedBytes() {
    return Mutations.of(SAMPLES);
  }

  @Provide
  Arbitrary<String> mutatedText() {
    return Mutations.textOf(SAMPLES);
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
