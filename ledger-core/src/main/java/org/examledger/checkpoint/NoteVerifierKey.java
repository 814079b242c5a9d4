package org.examledger.checkpoint;

import java.util.Objects;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.crypto.PublicKey;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.SignatureVerificationException;
import org.examledger.crypto.Verifiers;

/**
 * A signed-note verifier key ("vkey"): {@code <name>+<hex8 key ID>+<base64(type || public key)>},
 * the text form of golang.org/x/mod/sumdb/note that c2sp.org/signed-note calls verifier keys.
 * Supports signature types 0x01 (Ed25519 over the note text) and 0x04 (cosignature/v1).
 */
public record NoteVerifierKey(String name, int keyId, int type, Bytes key) {

  /** signed-note "Signature types": 0x01, Ed25519 signatures over the note text. */
  public static final int TYPE_ED25519 = 0x01;

  /** signed-note "Signature types": 0x04, timestamped Ed25519 witness cosignatures. */
  public static final int TYPE_COSIGNATURE_V1 = 0x04;

  /** RFC 8032 section 5.1.5: Ed25519 public keys are 32 bytes. */
  static final int ED25519_KEY_LENGTH = 32;

  private static final Pattern HEX8 = Pattern.compile("[0-9a-f]{8}");

  public NoteVerifierKey {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(key, "key");
    NoteText.checkKeyName(name);
    if (type != TYPE_ED25519 && type != TYPE_COSIGNATURE_V1) {
      throw new NoteFormatException(
          String.format(
              "verifier key %s: unsupported signature type 0x%02x (supported: 0x01 Ed25519, 0x04"
                  + " cosignature/v1)",
              name, type));
    }
    if (key.length() != ED25519_KEY_LENGTH) {
      throw new NoteFormatException(
          String.format(
              "verifier key %s: type 0x%02x needs a %d-byte Ed25519 public key, found %d bytes",
              name, type, ED25519_KEY_LENGTH, key.length()));
    }
    int expected = keyId(name, type, key);
    if (expected != keyId) {
      throw new NoteFormatException(
          String.format(
              "verifier key %s: key ID %08x does not match SHA-256(name || 0x0A || type || key)[:4]"
                  + " = %08x",
              name, keyId, expected));
    }
  }

  /** A log's checkpoint key: Ed25519, type 0x01. */
  public static NoteVerifierKey ed25519(String name, PublicKey publicKey) {
    return of(name, TYPE_ED25519, publicKey);
  }

  /** A witness's cosigning key: Ed25519, type 0x04 (tlog-cosignature "Format"). */
  public static NoteVerifierKey cosignatureV1(String name, PublicKey publicKey) {
    return of(name, TYPE_COSIGNATURE_V1, publicKey);
  }

  private static NoteVerifierKey of(String name, int type, PublicKey publicKey) {
    if (publicKey.algorithm() != SignatureAlgorithm.ED25519) {
      throw new NoteFormatException(
          "verifier key "
              + name
              + ": C2SP note signatures need an Ed25519 key, found "
              + publicKey.algorithm());
    }
    Bytes raw = publicKey.rawEd25519();
    return new NoteVerifierKey(name, keyId(name, type, raw), type, raw);
  }

  /**
   * Parses a vkey string.
   *
   * @throws NoteFormatException naming the part that is wrong
   */
  public static NoteVerifierKey parse(String vkey) {
    Objects.requireNonNull(vkey, "vkey");
    // The name has no '+' and the key ID is hex, so the first two '+' split the fields; the
    // base64 key may itself contain '+'.
    String[] parts = vkey.split("\\+", 3);
    if (parts.length != 3) {
      throw new NoteFormatException(
          "verifier key must be <name>+<hex8 key ID>+<base64 key>, found \"" + vkey + "\"");
    }
    NoteText.checkKeyName(parts[0]);
    if (!HEX8.matcher(parts[1]).matches()) {
      throw new NoteFormatException(
          "verifier key "
              + parts[0]
              + ": key ID must be 8 lowercase hex digits, found \""
              + parts[1]
              + "\"");
    }
    Bytes typeAndKey = NoteText.decodeBase64("verifier key " + parts[0] + ": key", parts[2]);
    if (typeAndKey.length() < 2) {
      throw new NoteFormatException(
          "verifier key " + parts[0] + ": key must hold a type byte and a public key");
    }
    return new NoteVerifierKey(
        parts[0],
        Integer.parseUnsignedInt(parts[1], 16),
        Byte.toUnsignedInt(typeAndKey.byteAt(0)),
        typeAndKey.slice(1, typeAndKey.length()));
  }

  /**
   * signed-note "Signatures": key ID = SHA-256(key name || 0x0A || signature type || public
   * key)[:4], read as a big-endian uint32.
   */
  public static int keyId(String name, int type, Bytes publicKey) {
    Bytes input =
        Bytes.utf8(name + "\n").concat(Bytes.of(new byte[] {(byte) type})).concat(publicKey);
    Bytes digest = Digests.sha256(input).value();
    return ((digest.byteAt(0) & 0xff) << 24)
        | ((digest.byteAt(1) & 0xff) << 16)
        | ((digest.byteAt(2) & 0xff) << 8)
        | (digest.byteAt(3) & 0xff);
  }

  public String keyIdHex() {
    return String.format("%08x", keyId);
  }

  public PublicKey publicKey() {
    return PublicKey.ed25519(key);
  }

  /** Whether a signature line claims this key: same name and same key ID (signed-note). */
  boolean matches(NoteSignature signature) {
    return name.equals(signature.keyName()) && keyId == signature.keyId();
  }

  /**
   * Verifies a signature line that {@link #matches} this key over the note text.
   *
   * @throws NoteVerificationException when it does not verify
   */
  void verify(String text, NoteSignature signature) {
    if (type == TYPE_COSIGNATURE_V1) {
      Cosignature.verify(this, text, signature);
      return;
    }
    try {
      Verifiers.forKey(publicKey(), null).verify(Bytes.utf8(text), signature.signature());
    } catch (SignatureVerificationException e) {
      throw new NoteVerificationException(
          "note signature by " + this.name + "+" + keyIdHex() + " failed: " + e.getMessage());
    }
  }

  /** The vkey string. */
  @Override
  public String toString() {
    return name + "+" + keyIdHex() + "+" + Bytes.of(new byte[] {(byte) type}).concat(key).base64();
  }
}
