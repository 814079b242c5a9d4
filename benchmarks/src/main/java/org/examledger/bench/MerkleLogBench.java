package org.examledger.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.examledger.bytes.Bytes;
import org.examledger.merkle.ConsistencyProof;
import org.examledger.merkle.Hash;
import org.examledger.merkle.InMemoryNodeStore;
import org.examledger.merkle.InclusionProof;
import org.examledger.merkle.MerkleLog;
import org.examledger.merkle.ProofVerifier;
import org.examledger.merkle.Rfc6962;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Merkle log at 10^4, 10^5 and 10^6 leaves: append, past root, inclusion and consistency proof
 * generation from stored nodes, and inclusion verification. The store is in memory, so this is the
 * library's cost; the database's cost is measured by the ledger-level suites.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx6g"})
public class MerkleLogBench {

  @Param({"10000", "100000", "1000000"})
  public long size;

  /** Proof targets are drawn once per trial and cycled through, so no setup runs per call. */
  private static final int TARGETS = 1024;

  private MerkleLog log;
  private Hash root;
  private final long[] indexes = new long[TARGETS];
  private final Hash[] leaves = new Hash[TARGETS];
  private final InclusionProof[] proofs = new InclusionProof[TARGETS];
  private int next;

  @Setup
  public void build() {
    log = MerkleLog.create(new InMemoryNodeStore());
    for (long i = 0; i < size; i++) {
      log.append(leaf(i));
    }
    root = log.root(size);
    SplittableRandom random = new SplittableRandom(2026);
    for (int i = 0; i < TARGETS; i++) {
      indexes[i] = random.nextLong(size);
      leaves[i] = leaf(indexes[i]);
      proofs[i] = log.inclusionProof(indexes[i], size);
    }
  }

  private int target() {
    next = (next + 1) & (TARGETS - 1);
    return next;
  }

  private static Hash leaf(long i) {
    return Rfc6962.leafHash(Bytes.utf8("event-" + i));
  }

  @Benchmark
  public long append() {
    return log.append(leaves[target()]);
  }

  @Benchmark
  public Hash rootAtSize() {
    return log.root(size);
  }

  @Benchmark
  public InclusionProof inclusionProof() {
    return log.inclusionProof(indexes[target()], size);
  }

  @Benchmark
  public ConsistencyProof consistencyProof() {
    return log.consistencyProof(indexes[target()] + 1, size);
  }

  @Benchmark
  public void verifyInclusion() {
    int t = target();
    ProofVerifier.verifyInclusion(proofs[t], leaves[t], root);
  }
}
