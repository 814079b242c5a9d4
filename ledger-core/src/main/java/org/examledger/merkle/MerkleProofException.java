package org.examledger.merkle;

/** A Merkle inclusion or consistency proof did not verify; the message says what and why. */
public final class MerkleProofException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  MerkleProofException(String message) {
    super(message);
  }
}
