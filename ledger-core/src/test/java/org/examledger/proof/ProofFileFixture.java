package org.examledger.proof;

import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.crypto.Signers;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InMemoryNodeStore;
import org.examledger.merkle.MerkleLog;
import org.examledger.merkle.Rfc6962;

/**
 * A deterministic log of ten entries ("entry 0" .. "entry 9") and its checkpoint, signed by an
 * Ed25519 key from a fixed seed (Ed25519 signing is deterministic, RFC 8032 section 5.1.6).
 */
final class ProofFileFixture {

  static final String ORIGIN = "examledger.example/log";
  static final NoteSigner LOG_SIGNER =
      NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(Bytes.fromHex("42".repeat(32))));
  static final NoteSigner OTHER_SIGNER =
      NoteSigner.ed25519(ORIGIN, Signers.ed25519FromSeed(Bytes.fromHex("43".repeat(32))));

  /** A witness key that never cosigns the fixture's checkpoint. */
  static final NoteVerifierKey WITNESS_KEY =
      NoteVerifierKey.cosignatureV1(
          "witness.example", Signers.ed25519FromSeed(Bytes.fromHex("44".repeat(32))).publicKey());

  final MerkleLog log = MerkleLog.create(new InMemoryNodeStore());
  final String checkpointNote;

  ProofFileFixture() {
    for (int i = 0; i < 10; i++) {
      log.append(leaf(i));
    }
    Checkpoint checkpoint =
        new Checkpoint(ORIGIN, log.size(), log.root().value(), java.util.List.of());
    checkpointNote = SignedNote.sign(checkpoint.toNoteText(), LOG_SIGNER).toString();
  }

  static Hash leaf(int i) {
    return Rfc6962.leafHash(Bytes.utf8("entry " + i));
  }

  ProofFile proofFile(int index) {
    return new ProofFile(index, log.inclusionProof(index, log.size()), checkpointNote);
  }

  record SingleEntry(Hash leaf, ProofFile proofFile) {}

  /** A log of one entry: its inclusion proof is empty. */
  static SingleEntry singleEntry() {
    MerkleLog single = MerkleLog.create(new InMemoryNodeStore());
    Hash leaf = leaf(0);
    single.append(leaf);
    Checkpoint checkpoint = new Checkpoint(ORIGIN, 1, single.root().value(), java.util.List.of());
    String note = SignedNote.sign(checkpoint.toNoteText(), LOG_SIGNER).toString();
    return new SingleEntry(leaf, new ProofFile(0, single.inclusionProof(0, 1), note));
  }
}
