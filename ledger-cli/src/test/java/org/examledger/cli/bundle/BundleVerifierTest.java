package org.examledger.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.crypto.Signers;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.StoredEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier on a bundle built here from fixed keys, without a server: a key registration
 * and a session's events, a Merkle tree, a signed checkpoint. The server round trip and each
 * tampering are in ledger-api's CliBundleIT.
 */
class BundleVerifierTest {

  @TempDir Path dir;

  private static StoredEvent event(
      String id, String aggregate, long sequence, String payloadType, ObjectNode payload) {
    return BundleFixture.event(id, aggregate, sequence, payloadType, payload);
  }

  /** Key registration, then session events 0..n-1 except those in {@code skip}. */
  private Path bundle(int sessionEvents, List<Long> skip) throws Exception {
    Path file = dir.resolve("b-" + System.nanoTime() + ".zip");
    Files.write(file, BundleFixture.zip(sessionEvents, skip));
    return file;
  }

  private static BundleReport verify(Path file) {
    return new BundleVerifier(BundleFixture.POLICY).verify(Bundle.read(file), true);
  }

  @Test
  void verify_wholeBundle_holds() throws Exception {
    BundleReport report = verify(bundle(3, List.of()));
    assertThat(report.findings()).isEmpty();
    assertThat(report.events()).isEqualTo(4);
    assertThat(report.signed()).isEqualTo(4);
    assertThat(report.keys()).isEqualTo(1);
    assertThat(report.checkpoints()).containsExactly(4L);
    assertThat(report.selection()).isEqualTo("session S-1");
  }

  @Test
  void verify_sessionWithAGap_namesTheMissingSequenceNumber() throws Exception {
    BundleReport report = verify(bundle(4, List.of(2L)));
    assertThat(report.findings())
        .extracting(Finding::line)
        .containsExactly(
            "event-missing: session S-1: sequence number 2 is missing (the bundle has sequence"
                + " numbers 0..3)");
  }

  @Test
  void verify_otherLogKey_failsTheCheckpointAndEveryProof() throws Exception {
    NoteSigner other =
        NoteSigner.ed25519(
            BundleFixture.ORIGIN, Signers.ed25519FromSeed(Bytes.fromHex("43".repeat(32))));
    BundleReport report =
        new BundleVerifier(new WitnessPolicy(other.verifierKey(), List.of(), 0))
            .verify(Bundle.read(bundle(1, List.of())), true);
    assertThat(report.findings())
        .extracting(Finding::rule)
        .containsExactly("checkpoint-signature", "proof-checkpoint", "proof-checkpoint");
  }

  @Test
  void read_notAZip_isABundleException() throws Exception {
    Path file = dir.resolve("x.zip");
    Files.writeString(file, "PK not really");
    assertThatThrownBy(() -> Bundle.read(file))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(file + ": not a zip file, or truncated");
  }

  @Test
  void storedEvent_isTheInverseOfTheLeafInput() {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("sessionId", "S-1");
    StoredEvent e = event("e-1", "S-1", 7, "org.examledger.exam.X", payload);
    Bytes input = LeafEncoding.leafInput(e);
    assertThat(LeafEncoding.leafInput(BundleVerifier.storedEvent(CanonicalJson.parse(input))))
        .isEqualTo(input);
  }
}
