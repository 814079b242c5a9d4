package org.examledger.verify;

import java.util.Objects;
import org.examledger.merkle.Hash;

/**
 * A checkpoint as the log kept it: the size and root it was filed under, and the signed note.
 *
 * @param note the signed note text exactly as stored (checkpoint text, blank line, signatures)
 */
public record StoredCheckpointNote(long treeSize, Hash rootHash, String note) {

  public StoredCheckpointNote {
    Objects.requireNonNull(rootHash, "rootHash");
    Objects.requireNonNull(note, "note");
  }
}
