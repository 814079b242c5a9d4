package org.examledger.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.examledger.bytes.Bytes;
import org.examledger.checkpoint.Checkpoint;
import org.examledger.checkpoint.NoteSigner;
import org.examledger.checkpoint.NoteVerifierKey;
import org.examledger.checkpoint.SignedNote;
import org.examledger.crypto.Signer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Signing a C2SP checkpoint, and parsing plus verifying a signed one. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CheckpointBench {

  static final String ORIGIN = "examledger.local/station-0001";

  private NoteSigner signer;
  private List<NoteVerifierKey> keys;
  private String text;
  private String signedNote;

  @Setup
  public void setUp() {
    Signer ed25519 = Fixtures.ed25519();
    signer = NoteSigner.ed25519(ORIGIN, ed25519);
    keys = List.of(signer.verifierKey());
    text =
        new Checkpoint(ORIGIN, 1_234_567, Bytes.of(Fixtures.deterministicBytes(32, 3)), List.of())
            .toNoteText();
    signedNote = SignedNote.sign(text, signer).toString();
  }

  @Benchmark
  public SignedNote signCheckpoint() {
    return SignedNote.sign(text, signer);
  }

  @Benchmark
  public List<NoteVerifierKey> parseAndVerifyCheckpoint() {
    return SignedNote.parse(signedNote).verify(keys);
  }
}
