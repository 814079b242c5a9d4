package org.examledger.api.seal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteFormatException;
import org.examledger.checkpoint.NoteSignature;
import org.examledger.checkpoint.NoteVerificationException;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Accepts witness cosignatures (c2sp.org/tlog-cosignature, cosignature/v1) for checkpoints the log
 * signed, in the spirit of c2sp.org/tlog-witness turned around: the witness fetches a checkpoint,
 * checks its consistency with what it saw before, cosigns, and posts the cosigned note here. The
 * log keeps the first cosignature per witness and checkpoint and serves it with the checkpoint.
 */
public final class WitnessCosignatures {

  private final JdbcTemplate jdbc;
  private final LogReader reader;
  private final List<NoteVerifierKey> witnesses;
  private final String origin;
  private final Clock clock;

  WitnessCosignatures(
      JdbcTemplate jdbc, List<NoteVerifierKey> witnesses, String origin, Clock clock) {
    this.jdbc = jdbc;
    this.reader = new LogReader(jdbc);
    this.witnesses = List.copyOf(witnesses);
    this.origin = origin;
    this.clock = clock;
  }

  /** Parses the configured witness vkeys; each must be a cosignature/v1 (type 0x04) key. */
  static List<NoteVerifierKey> parseKeys(List<String> vkeys) {
    List<NoteVerifierKey> keys = new ArrayList<>();
    for (String vkey : vkeys) {
      NoteVerifierKey key = NoteVerifierKey.parse(vkey.strip());
      if (key.type() != NoteVerifierKey.TYPE_COSIGNATURE_V1) {
        throw new IllegalArgumentException(
            "ledger.log.witnesses: "
                + key.name()
                + " is not a cosignature/v1 (type 0x04) key, found type "
                + key.type());
      }
      keys.add(key);
    }
    return keys;
  }

  public List<NoteVerifierKey> witnesses() {
    return witnesses;
  }

  /**
   * Verifies and stores the configured witnesses' cosignatures in {@code cosignedNote}.
   *
   * @return the stored cosignature lines of the witnesses that signed this note, by name
   * @throws LogRequestRefused naming the rule broken; nothing is stored then
   */
  public List<String> add(String cosignedNote) {
    SignedNote note;
    Checkpoint checkpoint;
    try {
      note = SignedNote.parse(cosignedNote);
      checkpoint = Checkpoint.parse(note.text());
    } catch (NoteFormatException e) {
      throw new LogRequestRefused(400, "malformed-checkpoint", e.getMessage(), null);
    }
    if (!checkpoint.origin().equals(origin)) {
      throw new LogRequestRefused(
          404,
          "unknown-log",
          "checkpoint origin \"" + checkpoint.origin() + "\" is not this log (\"" + origin + "\")",
          null);
    }
    StoredCheckpoint stored =
        reader
            .checkpoint(checkpoint.size())
            .orElseThrow(
                () ->
                    new LogRequestRefused(
                        404,
                        "unknown-checkpoint",
                        "the log signed no checkpoint of size " + checkpoint.size(),
                        null));
    String signedText = SignedNote.parse(stored.note()).text();
    if (!signedText.equals(note.text())) {
      throw new LogRequestRefused(
          409,
          "checkpoint-mismatch",
          "the log signed a different checkpoint of size "
              + checkpoint.size()
              + ": root "
              + Checkpoint.parse(signedText).rootHash().base64()
              + ", posted root "
              + checkpoint.rootHash().base64(),
          null);
    }
    List<NoteSignature> fromWitnesses =
        note.signatures().stream().filter(s -> witnessOf(s) != null).toList();
    if (fromWitnesses.isEmpty()) {
      throw new LogRequestRefused(
          403,
          "unknown-witness",
          "no signature line is from a configured witness: note is signed by "
              + note.signatures()
              + ", witnesses are "
              + witnesses.stream().map(k -> k.name() + "+" + k.keyIdHex()).toList(),
          null);
    }
    try {
      note.verify(witnesses);
    } catch (NoteVerificationException e) {
      throw new LogRequestRefused(403, "invalid-cosignature", e.getMessage(), null);
    }
    for (NoteSignature signature : fromWitnesses) {
      store(checkpoint.size(), signature);
    }
    List<String> names = fromWitnesses.stream().map(NoteSignature::keyName).toList();
    return jdbc
        .queryForList(
            "SELECT witness_name, signature_line FROM ledger_cosignature WHERE tree_size = ?"
                + " ORDER BY witness_name",
            checkpoint.size())
        .stream()
        .filter(r -> names.contains((String) r.get("witness_name")))
        .map(r -> (String) r.get("signature_line"))
        .toList();
  }

  private NoteVerifierKey witnessOf(NoteSignature signature) {
    for (NoteVerifierKey key : witnesses) {
      if (key.name().equals(signature.keyName()) && key.keyId() == signature.keyId()) {
        return key;
      }
    }
    return null;
  }

  private void store(long treeSize, NoteSignature signature) {
    Integer present =
        jdbc.queryForObject(
            "SELECT COUNT(*) FROM ledger_cosignature WHERE tree_size = ? AND witness_name = ?",
            Integer.class,
            treeSize,
            signature.keyName());
    if (present != null && present > 0) {
      return; // the first cosignature of a witness for a checkpoint is kept; it never changes
    }
    try {
      jdbc.update(
          "INSERT INTO ledger_cosignature (tree_size, witness_name, signature_line, received_at)"
              + " VALUES (?, ?, ?, ?)",
          treeSize,
          signature.keyName(),
          signature.toLine(),
          Timestamp.from(clock.instant()));
    } catch (DuplicateKeyException e) {
      // a concurrent post of the same witness won; its line is the one kept
    }
  }
}
