/**
 * JMH microbenchmarks of the integrity library: canonical JSON, digests, signatures, the Merkle log
 * and checkpoints. Fixed keys and seeds, so two runs measure the same work; results are JSON files
 * compared as ratios, never assertions in tests.
 */
package org.examledger.bench;
