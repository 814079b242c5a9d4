package org.examledger.crypto;

import java.util.Objects;
import org.examledger.bytes.Bytes;

/**
 * The signer's distinguishing identifier (ID_A) hashed into Z_A for SM2 (GB/T 32918.2 section 5.5).
 * Signer and verifier must use the same ID, so it is always passed explicitly.
 */
public record Sm2UserId(Bytes value) {

  /** GM/T 0009-2012 section 10 default ID when none is agreed: ASCII "1234567812345678". */
  public static final Sm2UserId DEFAULT = new Sm2UserId(Bytes.utf8("1234567812345678"));

  /** ENTL_A is a 16-bit bit length (GB/T 32918.2 section 5.5), so at most 8191 bytes. */
  static final int MAX_LENGTH = 0xFFFF / 8;

  public Sm2UserId {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          "SM2 user ID must be at most " + MAX_LENGTH + " bytes, found " + value.length());
    }
  }

  public static Sm2UserId utf8(String id) {
    return new Sm2UserId(Bytes.utf8(id));
  }

  @Override
  public String toString() {
    return "Sm2UserId[" + value.utf8String() + "]";
  }
}
