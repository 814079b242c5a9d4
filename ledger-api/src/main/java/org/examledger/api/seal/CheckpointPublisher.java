package org.examledger.api.seal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.SignedNote;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.MerkleProofException;
import org.examledger.merkle.ProofVerifier;
import org.examledger.merkle.Rfc6962;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs a C2SP checkpoint (c2sp.org/tlog-checkpoint) of the sequencer's committed tree whenever it
 * has grown past the last signed one, keeping every checkpoint. Before signing it checks the last
 * checkpoint's signature under the log key and proves, from the stored nodes, that the new tree
 * extends it (RFC 9162 section 2.1.4): a log that would sign a fork refuses instead.
 *
 * <p>Several nodes may publish at once: Ed25519 is deterministic, so they sign the same note for
 * the same size, and the primary key on the size keeps one; the losing insert is harmless.
 */
public final class CheckpointPublisher {

  private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final LogReader reader;
  private final NoteSigner signer;
  private final String origin;
  private final Clock clock;

  CheckpointPublisher(
      JdbcTemplate jdbc,
      TransactionTemplate transactions,
      NoteSigner signer,
      String origin,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.reader = new LogReader(jdbc);
    this.signer = signer;
    this.origin = origin;
    this.clock = clock;
  }

  /**
   * Signs and stores a checkpoint of the committed tree if it is larger than the last one (or if
   * there is none yet, even of the empty tree), and returns the latest checkpoint.
   *
   * @throws CheckpointRefusedException when the tree is not consistent with the last checkpoint
   */
  public synchronized StoredCheckpoint publish() {
    try {
      transactions.executeWithoutResult(status -> signIfGrown());
    } catch (DuplicateKeyException e) {
      log.debug("another node stored the same checkpoint first: {}", e.getMessage());
    }
    return reader.latestCheckpoint().orElseThrow();
  }

  private void signIfGrown() {
    long size = reader.treeSize();
    Optional<StoredCheckpoint> last = reader.latestCheckpoint();
    if (last.isPresent() && last.get().treeSize() >= size) {
      return;
    }
    Hash root = reader.root(size);
    last.ifPresent(previous -> checkExtends(previous, size, root));
    Checkpoint checkpoint = new Checkpoint(origin, size, root.value(), List.of());
    SignedNote note = SignedNote.sign(checkpoint.toNoteText(), signer);
    jdbc.update(
        "INSERT INTO ledger_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?, ?, ?, ?)",
        size,
        root.value().toByteArray(),
        note.toString(),
        Timestamp.from(clock.instant()));
    log.info("signed checkpoint {} size {} root {}", origin, size, root.hex());
  }

  private void checkExtends(StoredCheckpoint previous, long size, Hash root) {
    Checkpoint signed;
    try {
      SignedNote note = SignedNote.parse(previous.note());
      note.verify(List.of(signer.verifierKey()));
      signed = Checkpoint.parse(note.text());
    } catch (NoteFormatException | NoteVerificationException e) {
      throw refuse(
          "the last stored checkpoint (size "
              + previous.treeSize()
              + ") does not verify under the log key "
              + signer.verifierKey()
              + ": "
              + e.getMessage(),
          e);
    }
    Hash previousRoot = Hash.of(signed.rootHash());
    try {
      if (signed.size() == 0) {
        // RFC 9162 section 2.1.4 has no proof from the empty tree; its root must be MTH({}).
        if (!previousRoot.equals(Rfc6962.emptyRoot())) {
          throw refuse(
              "the last signed checkpoint is of the empty tree but has root "
                  + previousRoot.hex()
                  + ", expected "
                  + Rfc6962.emptyRoot().hex(),
              null);
        }
        return;
      }
      ConsistencyProof proof = reader.consistencyProof(signed.size(), size);
      ProofVerifier.verifyConsistency(proof, previousRoot, root);
    } catch (MerkleProofException | IllegalStateException e) {
      throw refuse(
          "tree of size "
              + size
              + " with root "
              + root.hex()
              + " is not consistent with the last signed checkpoint (size "
              + signed.size()
              + ", root "
              + previousRoot.hex()
              + "): "
              + e.getMessage(),
          e);
    }
  }

  private static CheckpointRefusedException refuse(String message, Exception cause) {
    CheckpointRefusedException e =
        new CheckpointRefusedException("REFUSING TO SIGN A CHECKPOINT: " + message, cause);
    log.error(e.getMessage());
    return e;
  }
}
