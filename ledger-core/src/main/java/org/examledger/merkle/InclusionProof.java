package org.examledger.merkle;

import java.util.List;

/**
 * The audit path PATH(leafIndex, D[treeSize]) of RFC 6962 section 2.1.1 (RFC 9162 section 2.1.3.1):
 * sibling hashes from the leaf's sibling up to the root's child.
 */
public record InclusionProof(long leafIndex, long treeSize, List<Hash> path) {

  public InclusionProof {
    path = List.copyOf(path);
  }
}
