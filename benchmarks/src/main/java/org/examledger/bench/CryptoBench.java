package org.examledger.bench;

import java.util.concurrent.TimeUnit;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digest;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Sm2UserId;
import org.examledger.crypto.Verifier;
import org.examledger.crypto.Verifiers;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Digests of 1 KiB and signatures over 256 bytes, for both algorithms. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBench {

  private Signer ed25519;
  private Verifier ed25519Verifier;
  private Bytes ed25519Signature;
  private Signer sm2;
  private Verifier sm2Verifier;
  private Bytes sm2Signature;

  @Setup
  public void setUp() {
    ed25519 = Fixtures.ed25519();
    ed25519Verifier = Verifiers.forKey(ed25519.publicKey(), null);
    ed25519Signature = ed25519.sign(Fixtures.MESSAGE_256);
    sm2 = Fixtures.sm2();
    sm2Verifier = Verifiers.forKey(sm2.publicKey(), Sm2UserId.DEFAULT);
    sm2Signature = sm2.sign(Fixtures.MESSAGE_256);
  }

  @Benchmark
  public Digest sha256of1KiB() {
    return Digests.sha256(Fixtures.MESSAGE_1K);
  }

  @Benchmark
  public Digest sm3of1KiB() {
    return Digests.sm3(Fixtures.MESSAGE_1K);
  }

  @Benchmark
  public Bytes ed25519Sign() {
    return ed25519.sign(Fixtures.MESSAGE_256);
  }

  @Benchmark
  public void ed25519Verify() {
    ed25519Verifier.verify(Fixtures.MESSAGE_256, ed25519Signature);
  }

  @Benchmark
  public Bytes sm2Sign() {
    return sm2.sign(Fixtures.MESSAGE_256);
  }

  @Benchmark
  public void sm2Verify() {
    sm2Verifier.verify(Fixtures.MESSAGE_256, sm2Signature);
  }
}
