package org.examledger.merkle;

import java.util.List;

/**
 * The consistency proof PROOF(size1, D[size2]) of RFC 6962 section 2.1.2 (RFC 9162 section
 * 2.1.4.1): the hashes that show the tree of size1 is a prefix of the tree of size2.
 */
public record ConsistencyProof(long size1, long size2, List<Hash> path) {

  public ConsistencyProof {
    path = List.copyOf(path);
  }
}
