package org.examledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.examledger.bytes.Bytes;

/**
 * The hashing of RFC 6962 section 2.1 (restated in RFC 9162 section 2.1.1): SHA-256 with a one byte
 * domain separation prefix, so that a leaf can never be passed off as an interior node (the second
 * preimage attack the prefixes exist to prevent).
 */
public final class Rfc6962 {

  /** RFC 6962 section 2.1 / RFC 9162 section 2.1.1: MTH({d(0)}) = SHA-256(0x00 || d(0)). */
  static final byte LEAF_PREFIX = 0x00;

  /** RFC 6962 section 2.1 / RFC 9162 section 2.1.1: SHA-256(0x01 || MTH(left) || MTH(right)). */
  static final byte NODE_PREFIX = 0x01;

  private static final Hash EMPTY_ROOT = new Hash(Bytes.of(sha256().digest()));

  private Rfc6962() {}

  /** The hash of a leaf whose input (the entry's bytes) is {@code leafInput}. */
  public static Hash leafHash(Bytes leafInput) {
    MessageDigest digest = sha256();
    digest.update(LEAF_PREFIX);
    leafInput.updateDigest(digest);
    return new Hash(Bytes.of(digest.digest()));
  }

  /** The hash of an interior node whose children have the hashes {@code left} and {@code right}. */
  public static Hash nodeHash(Hash left, Hash right) {
    MessageDigest digest = sha256();
    digest.update(NODE_PREFIX);
    left.value().updateDigest(digest);
    right.value().updateDigest(digest);
    return new Hash(Bytes.of(digest.digest()));
  }

  /** RFC 6962 section 2.1: the root of the empty tree is the hash of the empty string. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
