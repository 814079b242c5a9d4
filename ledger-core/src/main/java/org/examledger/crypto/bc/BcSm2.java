package org.examledger.crypto.bc;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.gm.GMNamedCurves;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.CryptoException;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.params.ParametersWithRandom;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;
import org.examledger.bytes.Bytes;

/**
 * SM2 digital signatures with SM3 (GB/T 32918.2, GM/T 0003.2) on the recommended curve sm2p256v1
 * (GB/T 32918.5). The user ID enters Z_A and is always an explicit argument, never a hidden
 * default. Signatures are DER SEQUENCE { r INTEGER, s INTEGER } as GM/T 0009-2012 section 7.3
 * specifies; only the DER (shortest, definite length) form is accepted.
 */
public final class BcSm2 {

  /** GB/T 32918.5 recommended curve, OID 1.2.156.10197.1.301 (GM/T 0006). */
  static final X9ECParameters CURVE = GMNamedCurves.getByName("sm2p256v1");

  static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE);

  /** Field elements and scalars of sm2p256v1 are 32 bytes. */
  public static final int SCALAR_LENGTH = 32;

  /** SEC 1 section 2.3.3 uncompressed point: 0x04 || X || Y. */
  public static final int UNCOMPRESSED_POINT_LENGTH = 1 + 2 * SCALAR_LENGTH;

  private BcSm2() {}

  /** Draws d uniformly from [1, n-2] (GB/T 32918.1 section 6.1). */
  public static Bytes generatePrivateScalar(SecureRandom random) {
    BigInteger max = DOMAIN.getN().subtract(BigInteger.TWO);
    BigInteger d = BigIntegers.createRandomInRange(BigInteger.ONE, max, random);
    return Bytes.of(BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, d));
  }

  /** Returns the uncompressed public point P = [d]G. */
  public static Bytes publicPointFromPrivate(Bytes privateScalar) {
    BigInteger d = checkPrivateScalar(privateScalar);
    ECPoint p = new FixedPointCombMultiplier().multiply(DOMAIN.getG(), d).normalize();
    return Bytes.of(p.getEncoded(false));
  }

  /**
   * Checks the private scalar: 32 bytes big-endian, 1 <= d <= n-2 (GB/T 32918.1 section 6.1; n-1 is
   * excluded because signing divides by 1+d).
   */
  public static BigInteger checkPrivateScalar(Bytes privateScalar) {
    if (privateScalar.length() != SCALAR_LENGTH) {
      throw new InvalidEncodingException(
          "SM2 private key must be " + SCALAR_LENGTH + " bytes, found " + privateScalar.length());
    }
    BigInteger d = new BigInteger(1, privateScalar.toByteArray());
    if (d.signum() == 0 || d.compareTo(DOMAIN.getN().subtract(BigInteger.ONE)) >= 0) {
      throw new InvalidEncodingException("SM2 private key must be in [1, n-2]");
    }
    return d;
  }

  /**
   * Checks an uncompressed point on sm2p256v1 and returns it (GB/T 32918.1 section 6.2 public key
   * validation: on the curve, not the point at infinity; the cofactor is 1).
   */
  public static Bytes checkPublicPoint(Bytes point) {
    decodePoint(point);
    return point;
  }

  public static Bytes sign(Bytes privateScalar, Bytes userId, Bytes message, SecureRandom random) {
    BigInteger d = checkPrivateScalar(privateScalar);
    SM2Signer signer = new SM2Signer();
    signer.init(
        true,
        new ParametersWithID(
            new ParametersWithRandom(new ECPrivateKeyParameters(d, DOMAIN), random),
            userId.toByteArray()));
    byte[] m = message.toByteArray();
    signer.update(m, 0, m.length);
    try {
      return Bytes.of(signer.generateSignature());
    } catch (CryptoException e) {
      throw new IllegalStateException("SM2 signing failed: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes a DER SM2 signature into {r, s}.
   *
   * @throws InvalidEncodingException naming the DER rule broken, or r/s out of [1, n-1]
   */
  public static BigInteger[] decodeSignature(Bytes der) {
    byte[] encoded = der.toByteArray();
    ASN1Primitive primitive;
    try {
      primitive = ASN1Primitive.fromByteArray(encoded);
    } catch (IOException | RuntimeException e) {
      throw new InvalidEncodingException("malformed DER: " + e.getMessage(), e);
    }
    if (!(primitive instanceof ASN1Sequence seq)
        || seq.size() != 2
        || !(seq.getObjectAt(0) instanceof ASN1Integer r)
        || !(seq.getObjectAt(1) instanceof ASN1Integer s)) {
      throw new InvalidEncodingException("malformed DER: expected SEQUENCE { INTEGER, INTEGER }");
    }
    byte[] reencoded;
    try {
      reencoded = primitive.getEncoded(ASN1Encoding.DER);
    } catch (IOException e) {
      throw new InvalidEncodingException("malformed DER: " + e.getMessage(), e);
    }
    if (!Arrays.equals(reencoded, encoded)) {
      throw new InvalidEncodingException(
          "malformed DER: not the distinguished encoding or trailing bytes");
    }
    BigInteger n = DOMAIN.getN();
    for (BigInteger v : new BigInteger[] {r.getValue(), s.getValue()}) {
      if (v.signum() <= 0 || v.compareTo(n) >= 0) {
        // GB/T 32918.2 section 7.1 steps B1 and B2.
        throw new InvalidEncodingException("r or s outside [1, n-1]");
      }
    }
    return new BigInteger[] {r.getValue(), s.getValue()};
  }

  /**
   * Returns whether a well-formed signature verifies. Call {@link #decodeSignature} first to get a
   * reason for malformed input.
   */
  public static boolean verify(Bytes publicPoint, Bytes userId, Bytes message, Bytes der) {
    decodeSignature(der);
    SM2Signer verifier = new SM2Signer();
    verifier.init(
        false,
        new ParametersWithID(
            new ECPublicKeyParameters(decodePoint(publicPoint), DOMAIN), userId.toByteArray()));
    byte[] m = message.toByteArray();
    verifier.update(m, 0, m.length);
    return verifier.verifySignature(der.toByteArray());
  }

  private static ECPoint decodePoint(Bytes point) {
    if (point.length() != UNCOMPRESSED_POINT_LENGTH || point.byteAt(0) != 0x04) {
      throw new InvalidEncodingException(
          "SM2 public key must be an uncompressed point (0x04 || X || Y, "
              + UNCOMPRESSED_POINT_LENGTH
              + " bytes), found "
              + point.length()
              + " bytes");
    }
    ECPoint p;
    try {
      p = CURVE.getCurve().decodePoint(point.toByteArray());
    } catch (IllegalArgumentException e) {
      throw new InvalidEncodingException("SM2 public key is not a point on sm2p256v1", e);
    }
    if (p.isInfinity() || !p.isValid()) {
      throw new InvalidEncodingException("SM2 public key is not a valid point on sm2p256v1");
    }
    return p;
  }
}
