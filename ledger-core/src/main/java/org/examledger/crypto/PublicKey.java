package org.examledger.crypto;

import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.bc.BcEd25519;
import org.examledger.crypto.bc.BcKeyEncoding;
import org.examledger.crypto.bc.BcKeyEncoding.KeyType;
import org.examledger.crypto.bc.InvalidEncodingException;

/**
 * A public key held as its DER SubjectPublicKeyInfo. Only canonical encodings are accepted, so
 * equal keys have equal SPKI bytes and therefore equal {@link KeyId}s.
 */
public final class PublicKey {

  static final String PEM_LABEL = "PUBLIC KEY";

  private final SignatureAlgorithm algorithm;
  private final Bytes spki;
  private final Bytes raw;
  private final KeyId keyId;

  /**
   * The Ed25519 point decoded on first use and kept: every verifier of this key then skips the
   * point decompression (a benign race may decode it twice; both results are equal).
   */
  private volatile BcEd25519.DecodedPublicKey ed25519Point;

  private PublicKey(SignatureAlgorithm algorithm, Bytes spki, Bytes raw) {
    this.algorithm = algorithm;
    this.spki = spki;
    this.raw = raw;
    this.keyId = new KeyId(Digests.sha256(spki).hex());
  }

  /**
   * Reads a DER SubjectPublicKeyInfo: Ed25519 (RFC 8410) or SM2 on sm2p256v1.
   *
   * @throws KeyFormatException for malformed DER, a non-canonical encoding or an unsupported key
   */
  public static PublicKey fromSpki(Bytes spki) {
    Objects.requireNonNull(spki, "spki");
    try {
      BcKeyEncoding.DecodedKey decoded = BcKeyEncoding.parseSpki(spki);
      return new PublicKey(algorithmOf(decoded.type()), spki, decoded.key());
    } catch (InvalidEncodingException e) {
      throw new KeyFormatException("public key: " + e.getMessage(), e);
    }
  }

  /** Reads a PEM "PUBLIC KEY" block (RFC 7468 section 13). */
  public static PublicKey fromPem(String pem) {
    return fromSpki(Pem.decode(PEM_LABEL, pem));
  }

  /** Wraps a raw 32-byte Ed25519 public key (RFC 8032 section 5.1.5). */
  public static PublicKey ed25519(Bytes raw32) {
    return fromRaw(SignatureAlgorithm.ED25519, raw32);
  }

  /** Wraps an uncompressed SM2 point 0x04 || X || Y on sm2p256v1. */
  public static PublicKey sm2(Bytes uncompressedPoint) {
    return fromRaw(SignatureAlgorithm.SM2_SM3, uncompressedPoint);
  }

  static PublicKey fromRaw(SignatureAlgorithm algorithm, Bytes raw) {
    Objects.requireNonNull(raw, "raw");
    KeyType type = algorithm == SignatureAlgorithm.ED25519 ? KeyType.ED25519 : KeyType.SM2;
    try {
      return new PublicKey(algorithm, BcKeyEncoding.spki(type, raw), raw);
    } catch (InvalidEncodingException e) {
      throw new KeyFormatException("public key: " + e.getMessage(), e);
    }
  }

  public SignatureAlgorithm algorithm() {
    return algorithm;
  }

  /** The DER SubjectPublicKeyInfo. */
  public Bytes spki() {
    return spki;
  }

  public KeyId keyId() {
    return keyId;
  }

  public String toPem() {
    return Pem.encode(PEM_LABEL, spki);
  }

  /**
   * The raw 32-byte Ed25519 public key, as C2SP signed notes carry it.
   *
   * @throws KeyFormatException when this is not an Ed25519 key
   */
  public Bytes rawEd25519() {
    if (algorithm != SignatureAlgorithm.ED25519) {
      throw new KeyFormatException(
          "key " + keyId + " is " + algorithm + ", not ED25519: it has no raw Ed25519 form");
    }
    return raw;
  }

  /** The raw key: 32 bytes for Ed25519, the 65-byte uncompressed point for SM2. */
  Bytes raw() {
    return raw;
  }

  /** The decoded Ed25519 point (this key's encoding was checked when it was read). */
  BcEd25519.DecodedPublicKey ed25519Point() {
    BcEd25519.DecodedPublicKey point = ed25519Point;
    if (point == null) {
      point = BcEd25519.decode(rawEd25519());
      ed25519Point = point;
    }
    return point;
  }

  static SignatureAlgorithm algorithmOf(KeyType type) {
    return type == KeyType.ED25519 ? SignatureAlgorithm.ED25519 : SignatureAlgorithm.SM2_SM3;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PublicKey other && spki.equals(other.spki);
  }

  @Override
  public int hashCode() {
    return spki.hashCode();
  }

  @Override
  public String toString() {
    return "PublicKey[" + algorithm + ", " + keyId + "]";
  }
}
