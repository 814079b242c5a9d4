package org.examledger.api.seal;

import java.time.Instant;
import org.examledger.merkle.Hash;

/**
 * A checkpoint the log signed, as kept in {@code ledger_checkpoint}.
 *
 * @param note the signed note exactly as signed (checkpoint text, blank line, the log's signature)
 */
public record StoredCheckpoint(long treeSize, Hash rootHash, String note, Instant signedAt) {}
