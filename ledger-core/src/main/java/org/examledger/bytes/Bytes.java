package org.examledger.bytes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable sequence of bytes. Copies on the way in and on the way out, so that a value once
 * built can be shared, hashed and compared safely. {@link #equals} is constant time for equal
 * lengths: digests and signatures are compared with it.
 */
public final class Bytes implements Comparable<Bytes> {

  private static final HexFormat HEX = HexFormat.of();
  public static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] value;

  private Bytes(byte[] owned) {
    this.value = owned;
  }

  public static Bytes of(byte[] bytes) {
    return new Bytes(bytes.clone());
  }

  public static Bytes of(byte[] bytes, int offset, int length) {
    return new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  public static Bytes utf8(String text) {
    return new Bytes(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Parses lower- or upper-case hex.
   *
   * @throws IllegalArgumentException naming the offending input when it is not hex
   */
  public static Bytes fromHex(String hex) {
    try {
      return new Bytes(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not hex: \"" + abbreviate(hex) + "\": " + e.getMessage());
    }
  }

  /**
   * Parses standard base64 (RFC 4648 section 4, with padding).
   *
   * @throws IllegalArgumentException naming the offending input when it is not base64
   */
  public static Bytes fromBase64(String base64) {
    try {
      return new Bytes(Base64.getDecoder().decode(base64));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "not base64: \"" + abbreviate(base64) + "\": " + e.getMessage());
    }
  }

  public int length() {
    return value.length;
  }

  public byte byteAt(int index) {
    return value[index];
  }

  public byte[] toByteArray() {
    return value.clone();
  }

  public Bytes concat(Bytes other) {
    byte[] joined = Arrays.copyOf(value, value.length + other.value.length);
    System.arraycopy(other.value, 0, joined, value.length, other.value.length);
    return new Bytes(joined);
  }

  public Bytes slice(int from, int to) {
    return new Bytes(Arrays.copyOfRange(value, from, to));
  }

  public String hex() {
    return HEX.formatHex(value);
  }

  public String base64() {
    return Base64.getEncoder().encodeToString(value);
  }

  public String utf8String() {
    return new String(value, StandardCharsets.UTF_8);
  }

  /** Feeds these bytes to a digest without copying them. */
  public void updateDigest(MessageDigest digest) {
    digest.update(value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && MessageDigest.isEqual(value, other.value);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(value);
  }

  @Override
  public int compareTo(Bytes o) {
    return Arrays.compareUnsigned(value, o.value);
  }

  @Override
  public String toString() {
    return value.length <= 64 ? hex() : hex().substring(0, 128) + "...(" + value.length + " bytes)";
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }
}
