package org.examledger.bench.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Verifier;
import org.examledger.crypto.Verifiers;

/**
 * The raw Ed25519 verification rate of the machine, through ledger-core's crypto (the code the
 * verifier uses), on {@code threads} threads at once: the ceiling for offline verification.
 */
final class RawVerifyRate {

  private RawVerifyRate() {}

  /** Verifications per second over all threads, after a warm-up of the same length. */
  static double measure(int threads, Duration duration) throws InterruptedException {
    Signer signer = Station.signer("raw-rate").signer();
    Verifier verifier = Verifiers.forKey(signer.publicKey(), null);
    // a DSSE pre-authentication encoding of a score statement is about 450 bytes
    byte[] raw = new byte[450];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 31 + 7);
    }
    Bytes message = Bytes.of(raw);
    Bytes signature = signer.sign(message);
    run(threads, duration, verifier, message, signature);
    long start = System.nanoTime();
    long count = run(threads, duration, verifier, message, signature);
    return count / ((System.nanoTime() - start) / 1e9);
  }

  private static long run(
      int threads, Duration duration, Verifier verifier, Bytes message, Bytes signature)
      throws InterruptedException {
    AtomicLong total = new AtomicLong();
    long end = System.nanoTime() + duration.toNanos();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread w =
          new Thread(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  verifier.verify(message, signature);
                  n++;
                }
                total.addAndGet(n);
              });
      workers.add(w);
      w.start();
    }
    for (Thread w : workers) {
      w.join();
    }
    return total.get();
  }
}
