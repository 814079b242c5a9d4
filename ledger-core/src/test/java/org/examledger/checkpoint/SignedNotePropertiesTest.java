package org.examledger.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Assertions;

/** Round trips over generated notes and checkpoints, with fixed seeds so failures reproduce. */
class SignedNotePropertiesTest {

  static final NoteSigner LOG =
      NoteSigner.ed25519("log.example/p", SignedNoteTest.CHECKPOINT_SIGNER);

  @Provide
  Arbitrary<String> noteTexts() {
    // Printable ASCII, the em dash itself, Latin-1, CJK and a non-BMP code point; empty lines too.
    Arbitrary<String> token =
        Arbitraries.oneOf(
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(8),
            Arbitraries.of("\u2014 ", "\u00e9", "\u4e2d\u6587", "\uD83D\uDE00", "+", " "));
    Arbitrary<String> line = token.list().ofMaxSize(5).map(tokens -> String.join("", tokens));
    return line.list().ofMinSize(1).ofMaxSize(6).map(lines -> String.join("\n", lines) + "\n");
  }

  @Property(seed = "20261127", tries = 200)
  void parse_signedText_roundTripsAndVerifies(@ForAll("noteTexts") String text) {
    SignedNote note = SignedNote.sign(text, LOG);

    SignedNote parsed = SignedNote.parse(Bytes.utf8(note.toString()));

    assertThat(parsed).isEqualTo(note);
    assertThat(parsed.text()).isEqualTo(text);
    assertThat(parsed.verify(List.of(LOG.verifierKey()))).containsExactly(LOG.verifierKey());
  }

  @Property(seed = "20261127", tries = 200)
  void parse_checkpointText_roundTrips(
      @ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long size,
      @ForAll("roots") Bytes root,
      @ForAll("extensions") List<String> extensions) {
    Checkpoint checkpoint = new Checkpoint("log.example/p", size, root, extensions);

    Checkpoint parsed = Checkpoint.parse(checkpoint.toNoteText());

    assertThat(parsed).isEqualTo(checkpoint);
  }

  @Property(seed = "20261127", tries = 100)
  void verify_anyFlippedSignatureBit_throws(@ForAll("bitIndex") int bit) {
    SignedNote note =
        SignedNote.sign("log.example/p\n1\n" + Bytes.of(new byte[32]).base64() + "\n", LOG);
    NoteSignature sig = note.signatures().get(0);
    byte[] raw = sig.signature().toByteArray();
    raw[bit / 8] ^= (byte) (1 << (bit % 8));
    SignedNote bad =
        new SignedNote(
            note.text(), List.of(new NoteSignature(sig.keyName(), sig.keyId(), Bytes.of(raw))));

    Assertions.assertThrows(
        NoteVerificationException.class, () -> bad.verify(List.of(LOG.verifierKey())));
  }

  @Provide
  Arbitrary<Integer> bitIndex() {
    return Arbitraries.integers().between(0, 64 * 8 - 1);
  }

  @Provide
  Arbitrary<Bytes> roots() {
    return Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes::of);
  }

  @Provide
  Arbitrary<List<String>> extensions() {
    return Arbitraries.strings()
        .withCharRange('!', '~')
        .ofMinLength(1)
        .ofMaxLength(20)
        .list()
        .ofMaxSize(3);
  }
}
