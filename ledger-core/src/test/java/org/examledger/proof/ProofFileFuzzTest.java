package org.examledger.proof;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;
import org.examledger.fuzz.Samples;
import org.examledger.merkle.MerkleProofException;

/**
 * Fuzzes the tlog-proof reader (docs/fuzzing.md): any text is parsed or refused with {@link
 * ProofFileException}; a parsed file round-trips and its verification refuses with the checkpoint
 * or Merkle exceptions only.
 */
class ProofFileFuzzTest {

  private static final List<Class<? extends Throwable>> REFUSAL = List.of(ProofFileException.class);
  private static final List<Class<? extends Throwable>> PARSE_OR_VERIFY =
      List.of(
          ProofFileException.class,
          NoteFormatException.class,
          NoteVerificationException.class,
          MerkleProofException.class);

  private static final WitnessPolicy POLICY =
      new WitnessPolicy(ProofFileFixture.LOG_SIGNER.verifierKey(), List.of(), 0);

  /** The example file, every malformed file, and proofs for each leaf of the fixture's log. */
  static final List<byte[]> SAMPLES = samples();

  private static List<byte[]> samples() {
    List<byte[]> samples = new ArrayList<>();
    samples.add(Samples.file("/proof/example.tlog-proof"));
    samples.addAll(Samples.folder("/proof/malformed", ".tlog-proof"));
    ProofFileFixture fixture = new ProofFileFixture();
    for (int i = 0; i < 10; i += 3) {
      samples.add(fixture.proofFile(i).toText().getBytes(StandardCharsets.UTF_8));
    }
    return samples;
  }

  @Property(seed = "6962001", tries = 3000)
  void parse_mutatedSample_returnsOrRefuses(@ForAll("mutated") String input) {
    Fuzz.check("ProofFile.parse + verify", input, () -> parseAndVerify(input), PARSE_OR_VERIFY);
  }

  @Property(seed = "6962002", tries = 500)
  void parse_randomText_returnsOrRefuses(@ForAll("random") String input) {
    Fuzz.check("ProofFile.parse", input, () -> ProofFile.parse(input), REFUSAL);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void parse_hostileInput_returnsOrRefuses(@ForAll("hostile") String input) {
    Fuzz.check("ProofFile.parse", input, () -> ProofFile.parse(input), REFUSAL);
  }

  /** Parsing alone must refuse only with ProofFileException; then the file round-trips. */
  private static Object parseAndVerify(String input) {
    ProofFile file;
    try {
      file = ProofFile.parse(input);
    } catch (ProofFileException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new AssertionError("ProofFile.parse threw " + e, e);
    }
    if (!file.toText().equals(input) || !ProofFile.parse(file.toText()).equals(file)) {
      throw new AssertionError("a parsed proof file does not read back as itself");
    }
    return file.verify(ProofFileFixture.leaf((int) Math.min(file.index(), 9)), POLICY);
  }

  /** Jazzer target: replays its seed corpus in the suite, fuzzes with JAZZER_FUZZ=1. */
  @FuzzTest(maxDuration = "10m")
  void proofFile_jazzer(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Fuzz.check("ProofFile.parse + verify", input, () -> parseAndVerify(text), PARSE_OR_VERIFY);
  }

  @Provide
  Arbitrary<String> mutated() {
    return Mutations.textOf(SAMPLES);
  }

  @Provide
  Arbitrary<String> random() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }

  @Provide
  Arbitrary<String> hostile() {
    return Arbitraries.of(Mutations.hostileTexts());
  }
}
