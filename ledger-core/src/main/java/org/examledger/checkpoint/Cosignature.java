package org.examledger.checkpoint;

import java.nio.ByteBuffer;
import java.util.Objects;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.SignatureVerificationException;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Verifiers;

/**
 * An Ed25519 witness cosignature, cosignature/v1 (c2sp.org/tlog-cosignature "Format" and "Ed25519
 * signed message"): a note signature of type 0x04 whose bytes are a {@code timestamped_signature},
 * the u64 big-endian POSIX timestamp then the 64-byte Ed25519 signature.
 */
public record Cosignature(long timestamp, Bytes ed25519Signature) {

  /** tlog-cosignature "Ed25519 signed message": the fixed header line, for domain separation. */
  static final String HEADER = "cosignature/v1\n";

  /** RFC 8446 section 3.3 u64 timestamp, then RFC 8032 signature. */
  static final int LENGTH = Long.BYTES + 64;

  public Cosignature {
    Objects.requireNonNull(ed25519Signature, "ed25519Signature");
    // tlog-cosignature "Format": the timestamp "MUST NOT exceed 2^63 - 1".
    if (timestamp < 0) {
      throw new NoteFormatException(
          "cosignature timestamp exceeds 2^63-1: " + Long.toUnsignedString(timestamp));
    }
    if (ed25519Signature.length() != 64) {
      throw new NoteFormatException(
          "cosignature Ed25519 signature must be 64 bytes, found " + ed25519Signature.length());
    }
  }

  /**
   * The bytes a witness signs: {@code "cosignature/v1\n" + "time <t>\n" + checkpoint text}, the
   * timestamp in decimal without leading zeroes, the text with its final newline.
   */
  public static Bytes signedMessage(long timestamp, String checkpointText) {
    SignedNote.checkText(checkpointText);
    return Bytes.utf8(HEADER + "time " + timestamp + "\n" + checkpointText);
  }

  /**
   * A note signer that cosigns at the given time. The caller passes the time (no clock here) and
   * must have checked the checkpoint's consistency before cosigning (tlog-cosignature semantics).
   */
  public static NoteSigner signer(String witnessName, Signer witness, long timestamp) {
    Objects.requireNonNull(witness, "witness");
    if (witness.publicKey().algorithm() != SignatureAlgorithm.ED25519) {
      throw new NoteFormatException(
          "cosignature/v1 needs an Ed25519 witness key, found " + witness.publicKey().algorithm());
    }
    if (timestamp < 0) {
      throw new NoteFormatException(
          "cosignature timestamp exceeds 2^63-1: " + Long.toUnsignedString(timestamp));
    }
    NoteVerifierKey key = NoteVerifierKey.cosignatureV1(witnessName, witness.publicKey());
    return new NoteSigner(
        key,
        text -> {
          Bytes sig = witness.sign(signedMessage(timestamp, text));
          return new Cosignature(timestamp, sig).toBytes();
        });
  }

  /**
   * Reads the timestamped signature from a note signature line.
   *
   * @throws NoteFormatException when it is not 8 + 64 bytes or the timestamp is too large
   */
  public static Cosignature from(NoteSignature signature) {
    Bytes b = signature.signature();
    if (b.length() != LENGTH) {
      throw new NoteFormatException(
          "cosignature by "
              + signature
              + " must be "
              + LENGTH
              + " bytes (8-byte timestamp, 64-byte Ed25519 signature), found "
              + b.length());
    }
    long t = ByteBuffer.wrap(b.slice(0, Long.BYTES).toByteArray()).getLong();
    return new Cosignature(t, b.slice(Long.BYTES, LENGTH));
  }

  /** The 72 signature bytes carried after the key ID. */
  public Bytes toBytes() {
    return Bytes.of(ByteBuffer.allocate(Long.BYTES).putLong(timestamp).array())
        .concat(ed25519Signature);
  }

  static void verify(NoteVerifierKey key, String text, NoteSignature signature) {
    Cosignature cosig;
    try {
      cosig = from(signature);
    } catch (NoteFormatException e) {
      throw new NoteVerificationException(
          "cosignature by " + key.name() + "+" + key.keyIdHex() + " failed: " + e.getMessage());
    }
    try {
      Verifiers.forKey(key.publicKey(), null)
          .verify(signedMessage(cosig.timestamp(), text), cosig.ed25519Signature());
    } catch (SignatureVerificationException e) {
      throw new NoteVerificationException(
          "cosignature by "
              + key.name()
              + "+"
              + key.keyIdHex()
              + " at time "
              + cosig.timestamp()
              + " failed: "
              + e.getMessage());
    }
  }
}
