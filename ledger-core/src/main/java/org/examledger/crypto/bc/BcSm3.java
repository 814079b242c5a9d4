package org.examledger.crypto.bc;

import org.bouncycastle.crypto.digests.SM3Digest;
import org.examledger.bytes.Bytes;

/** SM3 (GB/T 32905-2016); the JDK has no SM3 provider. */
public final class BcSm3 {

  private BcSm3() {}

  public static Bytes digest(Bytes message) {
    SM3Digest sm3 = new SM3Digest();
    byte[] in = message.toByteArray();
    sm3.update(in, 0, in.length);
    byte[] out = new byte[sm3.getDigestSize()];
    sm3.doFinal(out, 0);
    return Bytes.of(out);
  }
}
