package org.examledger.architecture.violation;

import org.bouncycastle.crypto.digests.SHA256Digest;

/** Uses Bouncy Castle outside org.examledger.crypto.bc, which the boundary rules forbid. */
public final class BouncyCastleOutsideCryptoBc {

  private BouncyCastleOutsideCryptoBc() {}

  public static int digestSize() {
    return new SHA256Digest().getDigestSize();
  }
}
