package org.examledger.crypto;

import java.security.SecureRandom;
import org.examledger.bytes.Bytes;

/**
 * A "random" source that hands out fixed bytes in order: the SM2 vector's k, or a seed for key
 * generation. Fails when asked for more than it holds, so a test notices extra draws.
 */
final class FixedRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;
  private final byte[] bytes;
  private int position;

  FixedRandom(Bytes bytes) {
    this.bytes = bytes.toByteArray();
  }

  @Override
  public void nextBytes(byte[] out) {
    if (position + out.length > bytes.length) {
      throw new IllegalStateException(
          "fixed random exhausted: asked for " + out.length + " more bytes at " + position);
    }
    System.arraycopy(bytes, position, out, 0, out.length);
    position += out.length;
  }
}
