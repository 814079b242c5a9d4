package org.examledger.checkpoint;

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
import org.examledger.bytes.Bytes;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;
import org.examledger.fuzz.Samples;

/**
 * Fuzzes the C2SP readers (docs/fuzzing.md): signed notes, checkpoints, cosignatures, verifier keys
 * and the witness policy check. Malformed text is refused with {@link NoteFormatException}; a
 * well-formed note that is not trusted with {@link NoteVerificationException}; nothing else.
 */
class NoteFuzzTest {

  private static final List<Class<? extends Throwable>> FORMAT = List.of(NoteFormatException.class);
  private static final List<Class<? extends Throwable>> FORMAT_OR_TRUST =
      List.of(NoteFormatException.class, NoteVerificationException.class);

  static final String LOG_VKEY =
      "sigsum.org/v1/tree/e796172b92befd62d9dc67e41c2f5bc9d3100a3023b20b1ca40288dd1c679e69"
          + "+809da1a3+AWbguFjkYqYJ5m/nE3DIFtiEb/ED1UmaIqf+w3/bxCSn";
  static final String WITNESS_VKEY =
      "witness.example/w1+d92427b4+BBfLefsrQSDysexl5BmNbgiyjoE/6wHkpACDm4XhgIDO";
  static final String EXAMPLE_VKEY =
      "example.com/foo+530d903a+AekyeRrm56hApGFkyQR4ZCbV54Id2LKaANYcrnKv3U2k";

  private static final WitnessPolicy POLICY =
      new WitnessPolicy(
          NoteVerifierKey.parse(LOG_VKEY), List.of(NoteVerifierKey.parse(WITNESS_VKEY)), 1);

  /** The cosigned checkpoint, the C2SP examples and one file per format rule broken. */
  static final List<byte[]> NOTES = Samples.folder("/checkpoint", ".txt");

  static final List<byte[]> VKEYS =
      List.of(
          LOG_VKEY.getBytes(StandardCharsets.UTF_8),
          WITNESS_VKEY.getBytes(StandardCharsets.UTF_8),
          EXAMPLE_VKEY.getBytes(StandardCharsets.UTF_8));

  @Property(seed = "1001", tries = 3000)
  void signedNote_mutatedSample_returnsOrRefuses(@ForAll("mutatedNotes") byte[] input) {
    Fuzz.check(
        "SignedNote.parse + WitnessPolicy.verify", input, () -> readAll(input), FORMAT_OR_TRUST);
  }

  @Property(seed = "1002", tries = 1000)
  void signedNote_mutatedText_returnsOrRefuses(@ForAll("mutatedNoteText") String input) {
    Fuzz.check("SignedNote.parse(String)", input, () -> SignedNote.parse(input), FORMAT);
  }

  @Property(seed = "1003", tries = 1500)
  void checkpoint_mutatedText_returnsOrRefuses(@ForAll("mutatedCheckpointText") String input) {
    Fuzz.check("Checkpoint.parse", input, () -> checkpointRoundTrip(input), FORMAT);
  }

  @Property(seed = "1004", tries = 1500)
  void verifierKey_mutatedSample_returnsOrRefuses(@ForAll("mutatedVkeys") String input) {
    Fuzz.check("NoteVerifierKey.parse", input, () -> vkeyRoundTrip(input), FORMAT);
  }

  @Property(seed = "1005", tries = 500)
  void signedNote_randomBytes_returnsOrRefuses(@ForAll("randomBytes") byte[] input) {
    Fuzz.check("SignedNote.parse", input, () -> readAll(input), FORMAT_OR_TRUST);
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void allReaders_hostileInput_returnOrRefuse(@ForAll("hostile") String input) {
    Fuzz.check("SignedNote.parse(String)", input, () -> SignedNote.parse(input), FORMAT);
    Fuzz.check("Checkpoint.parse", input, () -> Checkpoint.parse(input), FORMAT);
    Fuzz.check("NoteVerifierKey.parse", input, () -> NoteVerifierKey.parse(input), FORMAT);
  }

  /** What a client does with a note from outside: parse it, read it, check it against a policy. */
  private static Object readAll(byte[] input) {
    SignedNote note = SignedNote.parse(Bytes.of(input));
    if (!SignedNote.parse(note.toString()).equals(note)) {
      throw new AssertionError("a parsed note does not read back as itself: " + note);
    }
    List<Object> read = new ArrayList<>();
    for (NoteSignature s : note.signatures()) {
      try {
        read.add(Cosignature.from(s));
      } catch (NoteFormatException e) {
        // not a cosignature: most lines are not
      }
    }
    read.add(POLICY.verify(note));
    return read;
  }

  private static Object checkpointRoundTrip(String text) {
    Checkpoint checkpoint = Checkpoint.parse(text);
    if (!Checkpoint.parse(checkpoint.toNoteText()).equals(checkpoint)) {
      throw new AssertionError("checkpoint does not read back as itself: " + checkpoint);
    }
    return checkpoint;
  }

  private static Object vkeyRoundTrip(String text) {
    NoteVerifierKey key = NoteVerifierKey.parse(text);
    if (!NoteVerifierKey.parse(key.toString()).equals(key)) {
      throw new AssertionError("verifier key does not read back as itself: " + key);
    }
    return key;
  }

  /** Jazzer targets: replay their seed corpus in the suite, fuzz with JAZZER_FUZZ=1. */
  @FuzzTest(maxDuration = "10m")
  void signedNote_jazzer(byte[] input) {
    Fuzz.check(
        "SignedNote.parse + WitnessPolicy.verify", input, () -> readAll(input), FORMAT_OR_TRUST);
  }

  @FuzzTest(maxDuration = "10m")
  void verifierKey_jazzer(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    Fuzz.check("NoteVerifierKey.parse", input, () -> vkeyRoundTrip(text), FORMAT);
  }

  @Provide
  Arbitrary<byte[]> mutatedNotes() {
    return Mutations.of(NOTES);
  }

  @Provide
  Arbitrary<String> mutatedNoteText() {
    return Mutations.textOf(NOTES);
  }

  @Provide
  Arbitrary<String> mutatedCheckpointText() {
    List<byte[]> texts = new ArrayList<>();
    for (byte[] note : NOTES) {
      String s = new String(note, StandardCharsets.UTF_8);
      int split = s.lastIndexOf("\n\n");
      texts.add((split < 0 ? s : s.substring(0, split + 1)).getBytes(StandardCharsets.UTF_8));
    }
    return Mutations.textOf(texts);
  }

  @Provide
  Arbitrary<String> mutatedVkeys() {
    return Mutations.textOf(VKEYS);
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
