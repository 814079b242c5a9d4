package org.examledger.cli.bundle;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.examledger.bundle.BundleWriter;
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

/**
 * A valid bundle built from fixed keys without a server: a key registration and a session's events,
 * their Merkle tree and a signed checkpoint. Deterministic: the same arguments give the same zip
 * bytes.
 */
final class BundleFixture {

  static final String ORIGIN = "examledger.test/ledger";
  static final NoteSigner LOG =
      NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(Bytes.fromHex("42".repeat(32))));
  static final StatementSigner ADMIN =
      new StatementSigner("admin-01", Signers.ed25519FromSeed(Bytes.fromHex("07".repeat(32))));
  static final Instant T = Instant.parse("2026-06-01T01:00:00Z");
  static final WitnessPolicy POLICY = new WitnessPolicy(LOG.verifierKey(), List.of(), 0);

  private BundleFixture() {}

  static StoredEvent event(
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

  /** Key registration, then session events 0..n-1, those in {@code skip} left out of the zip. */
  static byte[] zip(int sessionEvents, List<Long> skip) {
    List<StoredEvent> events = new ArrayList<>();
    events.add(keyEvent());
    for (int i = 0; i < sessionEvents; i++) {
      events.add(sessionEvent(i));
    }
    return zip(events, skip);
  }

  /** The registration of ADMIN's key. */
  static StoredEvent keyEvent() {
    ObjectNode key = JsonNodeFactory.instance.objectNode();
    key.put("keyId", ADMIN.signer().publicKey().keyId().value());
    key.put("ownerId", "admin-01");
    key.put("publicKey", ADMIN.signer().publicKey().spki().base64());
    key.put("validFrom", "2026-01-01T00:00:00Z");
    return event("k-0", "key-registry", 0, KeyHistory.REGISTERED, key);
  }

  /** A session event with this sequence number. */
  static StoredEvent sessionEvent(long sequence) {
    ObjectNode payload = JsonNodeFactory.instance.objectNode();
    payload.put("sessionId", "S-1");
    return event(
        "e-" + sequence, "S-1", sequence, "org.examledger.exam.SessionOpenedEvent", payload);
  }

  /**
   * These events in one log and checkpoint; the session events whose sequence number is in {@code
   * skip} are in the log but left out of the zip.
   */
  static byte[] zip(List<StoredEvent> events, List<Long> skip) {
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
    return writer.toZip();
  }
}
