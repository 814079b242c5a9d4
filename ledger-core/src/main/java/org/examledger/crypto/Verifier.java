package org.examledger.crypto;

import org.examledger.bytes.Bytes;

/** Checks signatures made by one public key. Obtain instances from {@link Verifiers}. */
public interface Verifier {

  PublicKey publicKey();

  /**
   * Returns normally only when {@code signature} is a valid signature of {@code message}.
   *
   * @throws SignatureVerificationException naming the algorithm, the key id and why it failed
   */
  void verify(Bytes message, Bytes signature);
}
