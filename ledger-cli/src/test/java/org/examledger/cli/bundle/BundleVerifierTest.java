package org.examledger.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.examledger.bytes.Bytes;
import org.examledger.canonical.CanonicalJson;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.SignedNote;
import org.examledger.checkpoint.WitnessPolicy;
import org.examledger.crypto.Signers;
import org.examledger.ledger.LeafEncoding;
import org.examledger.ledger.StoredEvent;
import org.examledger.merkle.InMemoryNodeStore;
import org.examledger.merkle.MerkleLog;
import org.examledger.proof.ProofFile;
import org.examledger.statements.StatementSigner;
import org.examledger.verify.KeyHistory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The offline verifier on a bundle built here from fixed keys, without a server: a key registration
 * and a session's events, a Merkle tree, a signed checkpoint. The server round trip and each
 * tampering are in ledger-api's CliBundleIT.
 */
class BundleVerifierTest {

  private static final String ORIGIN = "examledger.test/ledger";
  private static final NoteSigner LOG =
      NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(Bytes.fromHex("42".repeat(32))));
  private static final StatementSigner ADMIN =
      new StatementSigner("admin-01", Signers.ed25519FromSeed(Bytes.fromHex("07".repeat(32))));
  private static final Instant T = Instant.parse("2026-06-01T01:00:00Z");

  @TempDir Path dir;

  private static StoredEvent event(
      String id, String aggregate, long sequence, String payloadType, ObjectNode payload) {
    ObjectNode provenance = payload.putObject("provenance");
    provenance.put("actorId", "admin-01");
    provenance.put(
        "envelope",
        ADMIN
            .sign(
                "exam.session.open/v1",
                aggregate,
                JsonNodeFactory.instance.objectNode(),
                T.plusSeconds(sequence),
                "n-" + id)
            .toJson());
    return new StoredEvent(
        id,
        "ExamSession",
        aggregate,
        sequence,
        payloadType,
        "1",
        T.toString(),
        CanonicalJson.canonicalize(payload),
        null);
  }

  /** Key registration, then session events 0..n-1 except those in {@code skip}. */
  private Path bundle(int sessionEvents, List<Long> skip) throws Exception {
    List<StoredEvent> events = new ArrayList<>();
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    key.put("keyId", ADMIN.signer().publicKey().keyId().value());
    key.put("ownerId", "admin-01");
    key.put("publicKey", ADMIN.signer().publicKey().spki().base64());
    key.put("validFrom", "2026-01-01T00:00:00Z");
    events.add(event("k-0", "key-registry", 0, KeyHistory.REGISTERED, key));
    for (int i = 0; i < sessionEvents; i++) {
      ObjectNode payload = JsonNodeFactory.instance.objectNode();
      payload.put("sessionId", "S-1");
      events.add(event("e-" + i, "S-1", i, "org.examledger.exam.SessionOpenedEvent", payload));
    }
    MerkleLog tree = MerkleLog.create(new InMemoryNodeStore());
    for (StoredEvent e : events) {
      tree.append(LeafEncoding.leafHash(e));
    }
    long size = tree.size();
    String note =
        SignedNote.sign(
                new Checkpoint(ORIGIN, size, tree.root(size).value(), List.of()).toNoteText(), LOG)
            .toString();
    BundleWriter writer =
        new BundleWriter("http://test", T, Map.of("session", "S-1"), LOG.verifierKey().toString());
    writer.checkpoint(size, note);
    for (int i = 0; i < events.size(); i++) {
      StoredEvent e = events.get(i);
      if (e.aggregateIdentifier().equals("S-1") && skip.contains(e.sequenceNumber())) {
        continue;
      }
      writer.event(
          i, LeafEncoding.leafInput(e), new ProofFile(i, tree.inclusionProof(i, size), note));
    }
    Path file = dir.resolve("b-" + System.nanoTime() + ".zip");
    Files.write(file, writer.toZip());
    return file;
  }

  private static BundleReport verify(Path file) {
    return new BundleVerifier(new WitnessPolicy(LOG.verifierKey(), List.of(), 0))
        .verify(Bundle.read(file), true);
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
        NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(Bytes.fromHex("43".repeat(32))));
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
