package org.examledger.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.Cosignature;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.crypto.Signers;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.MerkleProofException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProofFileTest {

  private final ProofFileFixture fixture = new ProofFileFixture();
  private final WitnessPolicy logOnly =
      new WitnessPolicy(ProofFileFixture.LOG_SIGNER.verifierKey(), List.of(), 0);

  static String resource(String name) throws IOException {
    try (InputStream in = ProofFileTest.class.getResourceAsStream("/proof/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource /proof/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void toText_entrySix_matchesGoldenFile() throws IOException {
    assertThat(fixture.proofFile(6).toText()).isEqualTo(resource("example.tlog-proof"));
  }

  @Test
  void parse_goldenFile_roundTripsExactly() throws IOException {
    String text = resource("example.tlog-proof");
    ProofFile parsed = ProofFile.parse(text);
    assertThat(parsed).isEqualTo(fixture.proofFile(6));
    assertThat(parsed.index()).isEqualTo(6);
    assertThat(parsed.proof().treeSize()).isEqualTo(10);
    assertThat(parsed.proof().path()).hasSize(4);
    assertThat(parsed.extra()).isEmpty();
    assertThat(parsed.toText()).isEqualTo(text);
  }

  @Test
  void parse_withExtraData_roundTripsExactly() {
    ProofFile original = fixture.proofFile(3);
    ProofFile withExtra =
        new ProofFile(
            3, original.proof(), original.checkpointNote(), Optional.of(Bytes.utf8("ctx")));
    String text = withExtra.toText();
    assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nextra Y3R4\nindex 3\n");
    assertThat(ProofFile.parse(text)).isEqualTo(withExtra);
  }

  @Test
  void parse_sizeOneTreeWithEmptyProof_roundTripsExactly() {
    ProofFileFixture.SingleEntry single = ProofFileFixture.singleEntry();
    String text = single.proofFile().toText();
    assertThat(text).startsWith("c2sp.org/tlog-proof@v1\nindex 0\n\n");
    ProofFile parsed = ProofFile.parse(text);
    assertThat(parsed.proof().path()).isEmpty();
    parsed.verify(single.leaf(), logOnly);
  }

  @Test
  void verify_everyEntry_returnsTheCheckpoint() {
    for (int i = 0; i < 10; i++) {
      Checkpoint checkpoint =
          ProofFile.parse(fixture.proofFile(i).toText()).verify(ProofFileFixture.leaf(i), logOnly);
      assertThat(checkpoint.size()).isEqualTo(10);
      assertThat(checkpoint.rootHash()).isEqualTo(fixture.log.root().value());
    }
  }

  @Test
  void verify_wrongLeaf_throws() throws IOException {
    ProofFile file = ProofFile.parse(resource("example.tlog-proof"));
    assertThatThrownBy(() -> file.verify(ProofFileFixture.leaf(5), logOnly))
        .isInstanceOf(MerkleProofException.class)
        .hasMessageStartingWith(
            "inclusion proof for leaf 6 in a tree of size 10 does not lead to the expected root:"
                + " expected "
                + fixture.log.root().hex()
                + ", computed ");
  }

  @Test
  void verify_checkpointSignedByAnotherKey_throws() throws IOException {
    ProofFile file = ProofFile.parse(resource("example.tlog-proof"));
    WitnessPolicy otherLog =
        new WitnessPolicy(ProofFileFixture.OTHER_SIGNER.verifierKey(), List.of(), 0);
    assertThatThrownBy(() -> file.verify(ProofFileFixture.leaf(6), otherLog))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageStartingWith("witness policy: ");
  }

  @Test
  void verify_witnessMissing_throws() throws IOException {
    ProofFile file = ProofFile.parse(resource("example.tlog-proof"));
    WitnessPolicy needsWitness =
        new WitnessPolicy(
            ProofFileFixture.LOG_SIGNER.verifierKey(), List.of(ProofFileFixture.WITNESS_KEY), 1);
    assertThatThrownBy(() -> file.verify(ProofFileFixture.leaf(6), needsWitness))
        .isInstanceOf(NoteVerificationException.class)
        .hasMessageStartingWith("witness policy: need 1 of 1 witness cosignatures, found 0");
  }

  @Test
  void verify_checkpointCosignedByWitness_passesPolicyWithThresholdOne() {
    NoteSigner witness =
        Cosignature.signer(
            "witness.example",
            Signers.ed25519FromSeed(Bytes.fromHex("44".repeat(32))),
            1_700_000_000L);
    String cosigned = SignedNote.parse(fixture.checkpointNote).addSignature(witness).toString();
    ProofFile file = new ProofFile(6, fixture.log.inclusionProof(6, 10), cosigned);
    WitnessPolicy needsWitness =
        new WitnessPolicy(
            ProofFileFixture.LOG_SIGNER.verifierKey(), List.of(ProofFileFixture.WITNESS_KEY), 1);

    Checkpoint checkpoint =
        ProofFile.parse(file.toText()).verify(ProofFileFixture.leaf(6), needsWitness);

    assertThat(checkpoint.size()).isEqualTo(10);
  }

  @Test
  void new_indexDiffersFromProof_throws() {
    ProofFile good = fixture.proofFile(6);
    assertThatThrownBy(() -> new ProofFile(5, good.proof(), good.checkpointNote()))
        .isInstanceOf(ProofFileException.class)
        .hasMessage("index 5 differs from the proof's leaf index 6");
  }

  @Test
  void new_proofForAnotherTreeSize_throws() {
    ProofFile good = fixture.proofFile(6);
    InclusionProof forSizeNine = fixture.log.inclusionProof(6, 9);
    assertThatThrownBy(() -> new ProofFile(6, forSizeNine, good.checkpointNote()))
        .isInstanceOf(ProofFileException.class)
        .hasMessage("the proof is for tree size 9 but the checkpoint has size 10");
  }

  @Test
  void new_negativeIndex_throws() {
    ProofFile good = fixture.proofFile(6);
    InclusionProof negative = new InclusionProof(-1, 10, good.proof().path());
    assertThatThrownBy(() -> new ProofFile(-1, negative, good.checkpointNote()))
        .isInstanceOf(ProofFileException.class)
        .hasMessage("index must not be negative, found -1");
  }

  /** One file per rule, under src/test/resources/proof/malformed, named after the rule broken. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '\'',
      textBlock =
          """
          wrong-header                | line 1 must be "c2sp.org/tlog-proof@v1", found "c2sp.org/tlog-proof@v2"
          empty-file                  | line 1: the file ends before the header line (lines end in U+000A)
          crlf-line-ends              | line 1 contains a carriage return; lines end in U+000A only
          missing-index-line          | line 2 must be "index <decimal>", found "Rn73BqsCMMU7SGYrU3boFVbdCx4Ss2dBA/9z7i4Fh/Q="
          index-leading-zero          | line 2: index must be an ASCII decimal without leading zeroes, found "06"
          index-not-decimal           | line 2: index must be an ASCII decimal without leading zeroes, found "-6"
          index-too-large             | line 2: index 18446744073709551615 exceeds the largest supported index 9223372036854775807
          extra-not-base64            | line 2: extra data is not base64: "not*base64"
          extra-not-canonical-base64  | line 2: extra data is not in canonical padded base64: "YWJ="
          hash-not-base64             | line 4: proof hash is not base64: "not base64!"
          hash-missing-padding        | line 3: proof hash is not in canonical padded base64: "Rn73BqsCMMU7SGYrU3boFVbdCx4Ss2dBA/9z7i4Fh/Q"
          hash-wrong-length           | line 4: proof hash must be 32 bytes (SHA-256), found 31
          missing-blank-line          | line 7: the file ends before the blank line before the checkpoint (lines end in U+000A)
          missing-checkpoint          | the checkpoint after line 7 is missing
          """)
  void parse_malformedFile_throws(String name, String message) throws IOException {
    String text = resource("malformed/" + name + ".tlog-proof");
    assertThatThrownBy(() -> ProofFile.parse(text))
        .isInstanceOf(ProofFileException.class)
        .hasMessage(message);
  }

  @Test
  void parse_checkpointNotSignedNote_throws() throws IOException {
    String text = resource("malformed/checkpoint-not-signed-note.tlog-proof");
    assertThatThrownBy(() -> ProofFile.parse(text))
        .isInstanceOf(ProofFileException.class)
        .hasMessageStartingWith("the checkpoint is malformed: ");
  }
}
