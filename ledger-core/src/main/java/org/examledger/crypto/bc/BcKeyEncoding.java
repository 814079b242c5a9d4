package org.examledger.crypto.bc;

import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1BitString;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.gm.GMObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.util.BigIntegers;
import org.examledger.bytes.Bytes;

/**
 * DER SubjectPublicKeyInfo (RFC 5280 section 4.1.2.7) and PKCS#8 PrivateKeyInfo (RFC 5208) for the
 * two key types. Ed25519 follows RFC 8410 (OID 1.3.101.112, parameters absent); SM2 follows GM/T
 * 0010 and SEC 1: id-ecPublicKey (1.2.840.10045.2.1) with the named curve sm2p256v1
 * (1.2.156.10197.1.301). Readers accept only the encoding the writers produce, so that one key has
 * one SPKI and therefore one key id.
 */
public final class BcKeyEncoding {

  /** The key types this package encodes. */
  public enum KeyType {
    ED25519,
    SM2
  }

  /**
   * A decoded key: the raw Ed25519 public key or seed, or the SM2 uncompressed point or private
   * scalar.
   */
  public record DecodedKey(KeyType type, Bytes key) {}

  private static final AlgorithmIdentifier ED25519_ALG =
      new AlgorithmIdentifier(EdECObjectIdentifiers.id_Ed25519);

  private static final AlgorithmIdentifier SM2_ALG =
      new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, GMObjectIdentifiers.sm2p256v1);

  private BcKeyEncoding() {}

  public static Bytes spki(KeyType type, Bytes publicKey) {
    AlgorithmIdentifier alg;
    if (type == KeyType.ED25519) {
      BcEd25519.checkPublicKey(publicKey);
      alg = ED25519_ALG;
    } else {
      BcSm2.checkPublicPoint(publicKey);
      alg = SM2_ALG;
    }
    return der(new SubjectPublicKeyInfo(alg, publicKey.toByteArray()));
  }

  /**
   * Parses a DER SubjectPublicKeyInfo.
   *
   * @throws InvalidEncodingException for malformed DER, an unsupported algorithm or curve, or a key
   *     that is not a valid point
   */
  public static DecodedKey parseSpki(Bytes der) {
    SubjectPublicKeyInfo info;
    try {
      info = SubjectPublicKeyInfo.getInstance(strictDer(der, "SubjectPublicKeyInfo"));
    } catch (IllegalArgumentException e) {
      throw wrapMalformed("SubjectPublicKeyInfo", e);
    }
    DecodedKey key = decodeAlgorithm(info.getAlgorithm(), "SubjectPublicKeyInfo");
    if (info.getPublicKeyData().getPadBits() != 0) {
      throw new InvalidEncodingException(
          "SubjectPublicKeyInfo: public key BIT STRING has pad bits");
    }
    Bytes raw = Bytes.of(info.getPublicKeyData().getOctets());
    if (key.type() == KeyType.ED25519) {
      return new DecodedKey(KeyType.ED25519, BcEd25519.checkPublicKey(raw));
    }
    return new DecodedKey(KeyType.SM2, BcSm2.checkPublicPoint(raw));
  }

  /**
   * Encodes a PKCS#8 v1 PrivateKeyInfo: for Ed25519 the CurvePrivateKey of RFC 8410 section 7, for
   * SM2 an RFC 5915 ECPrivateKey with the public point (curve named in the algorithm only).
   */
  public static Bytes pkcs8(KeyType type, Bytes secret) {
    try {
      if (type == KeyType.ED25519) {
        BcEd25519.publicKeyFromSeed(secret);
        return der(new PrivateKeyInfo(ED25519_ALG, new DEROctetString(secret.toByteArray())));
      }
      BigInteger d = BcSm2.checkPrivateScalar(secret);
      Bytes point = BcSm2.publicPointFromPrivate(secret);
      ECPrivateKey ec =
          new ECPrivateKey(BcSm2.SCALAR_LENGTH * 8, d, new DERBitString(point.toByteArray()), null);
      return der(new PrivateKeyInfo(SM2_ALG, ec));
    } catch (IOException e) {
      throw new IllegalStateException("PKCS#8 encoding failed", e);
    }
  }

  /**
   * Parses a DER PKCS#8 PrivateKeyInfo and returns the Ed25519 seed or the SM2 private scalar. An
   * embedded public key must match the private key.
   */
  public static DecodedKey parsePkcs8(Bytes der) {
    PrivateKeyInfo info;
    ASN1Encodable inner;
    try {
      info = PrivateKeyInfo.getInstance(strictDer(der, "PKCS#8 PrivateKeyInfo"));
      inner = info.parsePrivateKey();
    } catch (IOException | IllegalArgumentException e) {
      throw wrapMalformed("PKCS#8 PrivateKeyInfo", e);
    }
    DecodedKey alg = decodeAlgorithm(info.getPrivateKeyAlgorithm(), "PKCS#8 PrivateKeyInfo");
    if (alg.type() == KeyType.ED25519) {
      if (!(inner instanceof ASN1OctetString octets)) {
        throw new InvalidEncodingException(
            "PKCS#8 PrivateKeyInfo: Ed25519 CurvePrivateKey must be an OCTET STRING");
      }
      Bytes seed = Bytes.of(octets.getOctets());
      Bytes pub = BcEd25519.publicKeyFromSeed(seed);
      if (info.getPublicKeyData() != null
          && !Bytes.of(info.getPublicKeyData().getOctets()).equals(pub)) {
        throw new InvalidEncodingException(
            "PKCS#8 PrivateKeyInfo: embedded public key does not match the private key");
      }
      return new DecodedKey(KeyType.ED25519, seed);
    }
    ECPrivateKey ec;
    try {
      ec = ECPrivateKey.getInstance(inner);
    } catch (IllegalArgumentException e) {
      throw wrapMalformed("PKCS#8 ECPrivateKey", e);
    }
    ASN1Encodable params;
    BigInteger d;
    ASN1BitString embeddedPublicKey;
    try {
      // Bouncy Castle reads these lazily and throws IllegalStateException, ClassCastException or
      // IllegalArgumentException for a member of the wrong type (found by Jazzer, KeyFuzzTest).
      params = ec.getParametersObject();
      d = ec.getKey();
      embeddedPublicKey = ec.getPublicKey();
    } catch (IllegalStateException | IllegalArgumentException | ClassCastException e) {
      throw new InvalidEncodingException(
          "PKCS#8 ECPrivateKey: malformed DER: " + e.getMessage(), e);
    }
    if (params != null && !GMObjectIdentifiers.sm2p256v1.equals(params)) {
      throw new InvalidEncodingException(
          "PKCS#8 ECPrivateKey: curve parameters " + describe(params) + " are not sm2p256v1");
    }
    if (d.bitLength() > BcSm2.SCALAR_LENGTH * 8) {
      throw new InvalidEncodingException("SM2 private key is longer than 32 bytes");
    }
    Bytes scalar = Bytes.of(BigIntegers.asUnsignedByteArray(BcSm2.SCALAR_LENGTH, d));
    Bytes point = BcSm2.publicPointFromPrivate(scalar);
    if (embeddedPublicKey != null && !Bytes.of(embeddedPublicKey.getOctets()).equals(point)) {
      throw new InvalidEncodingException(
          "PKCS#8 ECPrivateKey: embedded public key does not match the private key");
    }
    return new DecodedKey(KeyType.SM2, scalar);
  }

  /**
   * Curve parameters for a message: the OID, or the ASN.1 type found instead. Never the value's
   * toString, which for a UTF8String of bad bytes throws (found by Jazzer, KeyFuzzTest).
   */
  private static String describe(ASN1Encodable params) {
    if (params instanceof ASN1ObjectIdentifier oid) {
      return oid.getId();
    }
    return params == null ? "(absent)" : "of ASN.1 type " + params.getClass().getSimpleName();
  }

  private static DecodedKey decodeAlgorithm(AlgorithmIdentifier alg, String structure) {
    ASN1ObjectIdentifier oid = alg.getAlgorithm();
    if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
      // RFC 8410 section 3: "the parameters MUST be absent".
      if (alg.getParameters() != null) {
        throw new InvalidEncodingException(
            structure + ": Ed25519 algorithm parameters must be absent (RFC 8410 section 3)");
      }
      return new DecodedKey(KeyType.ED25519, Bytes.EMPTY);
    }
    if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
      if (!GMObjectIdentifiers.sm2p256v1.equals(alg.getParameters())) {
        throw new InvalidEncodingException(
            structure
                + ": unsupported key type: EC curve "
                + describe(alg.getParameters())
                + " (only sm2p256v1 "
                + GMObjectIdentifiers.sm2p256v1
                + ")");
      }
      return new DecodedKey(KeyType.SM2, Bytes.EMPTY);
    }
    throw new InvalidEncodingException(
        structure
            + ": unsupported key type: algorithm OID "
            + oid
            + " (supported: Ed25519 "
            + EdECObjectIdentifiers.id_Ed25519
            + ", SM2 id-ecPublicKey "
            + X9ObjectIdentifiers.id_ecPublicKey
            + " with sm2p256v1)");
  }

  /** Parses DER and rejects anything but the distinguished encoding without trailing bytes. */
  private static ASN1Primitive strictDer(Bytes der, String structure) {
    byte[] encoded = der.toByteArray();
    ASN1Primitive primitive;
    try {
      primitive = ASN1Primitive.fromByteArray(encoded);
      if (primitive == null) {
        throw new InvalidEncodingException(structure + ": malformed DER: empty input");
      }
      if (!Arrays.equals(primitive.getEncoded(ASN1Encoding.DER), encoded)) {
        throw new InvalidEncodingException(
            structure + ": malformed DER: not the distinguished encoding or trailing bytes");
      }
    } catch (IOException | IllegalStateException e) {
      throw new InvalidEncodingException(structure + ": malformed DER: " + e.getMessage(), e);
    }
    return primitive;
  }

  private static InvalidEncodingException wrapMalformed(String structure, Exception e) {
    if (e instanceof InvalidEncodingException iee) {
      return iee;
    }
    return new InvalidEncodingException(structure + ": malformed DER: " + e.getMessage(), e);
  }

  private static Bytes der(ASN1Encodable value) {
    try {
      return Bytes.of(value.toASN1Primitive().getEncoded(ASN1Encoding.DER));
    } catch (IOException e) {
      throw new IllegalStateException("DER encoding failed", e);
    }
  }
}
