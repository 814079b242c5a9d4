package org.examledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.examledger.bytes.Bytes;

/**
 * RFC 8785 JSON Canonicalization Scheme: the one place that turns JSON into the bytes the ledger
 * signs and hashes. Input is parsed strictly as I-JSON (RFC 7493, as RFC 8785 section 3.1
 * requires), then serialized with members sorted by UTF-16 code units, minimal string escaping and
 * ECMAScript number formatting; the result is UTF-8 without a byte order mark.
 */
public final class CanonicalJson {

  /**
   * The most levels of arrays and objects the parser reads and the canonicalizer writes (a project
   * limit, docs/formats/canonical-json.md): deep enough for any ledger document, shallow enough
   * that recursion cannot exhaust a thread's stack.
   */
  public static final int MAX_DEPTH = StrictJsonParser.MAX_DEPTH;

  private CanonicalJson() {}

  /**
   * Parses {@code json} strictly and returns its canonical UTF-8 bytes.
   *
   * @throws CanonicalJsonException if the text is not I-JSON
   */
  public static Bytes canonicalize(String json) {
    return canonicalize(parse(json));
  }

  /**
   * Canonical UTF-8 bytes of a tree, checked for what I-JSON requires of it.
   *
   * @throws CanonicalJsonException for lone surrogates, non-finite numbers, integers a double
   *     cannot hold exactly, or node types JSON has no text for
   */
  public static Bytes canonicalize(JsonNode node) {
    // The writer has refused every lone surrogate, so UTF-8 encoding is exact (RFC 8785 3.2.4).
    return Bytes.utf8(CanonicalWriter.write(node));
  }

  /**
   * Parses JSON text strictly (RFC 8259 grammar plus RFC 7493 I-JSON).
   *
   * <p>Numbers become IEEE 754 doubles; integral values of magnitude at most 2^53 are returned as
   * int or long nodes, other values as double nodes.
   *
   * @throws CanonicalJsonException naming the rule broken and its offset: duplicate member names
   *     (with the object's JSON Pointer), lone surrogates, numbers outside the double range, NaN or
   *     Infinity, invalid syntax, trailing content
   */
  public static JsonNode parse(String json) {
    return StrictJsonParser.parse(json);
  }

  /**
   * Parses UTF-8 JSON text strictly; ill-formed UTF-8 (including encoded surrogates, overlong forms
   * and a byte order mark, which RFC 8259 section 8.1 forbids senders to add) is rejected.
   */
  public static JsonNode parse(Bytes utf8Json) {
    return parse(decodeUtf8(utf8Json));
  }

  /**
   * Parses bytes that must already be in canonical form, as a verifier does with signed bytes:
   * returns the tree only if canonicalizing it gives back exactly the same bytes.
   *
   * @throws CanonicalJsonException if the bytes are not I-JSON, or are I-JSON but not canonical
   *     (the message gives the first differing byte offset and both texts around it)
   */
  public static JsonNode parseCanonical(Bytes utf8Json) {
    JsonNode node = parse(utf8Json);
    Bytes canonical = canonicalize(node);
    if (!canonical.equals(utf8Json)) {
      int at = firstDifference(canonical, utf8Json);
      throw new CanonicalJsonException(
          "not in RFC 8785 canonical form: first difference at byte "
              + at
              + ": expected "
              + excerpt(canonical, at)
              + ", found "
              + excerpt(utf8Json, at));
    }
    return node;
  }

  private static String decodeUtf8(Bytes utf8) {
    byte[] bytes = utf8.toByteArray();
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      throw new CanonicalJsonException(
          "byte order mark EF BB BF at byte 0: RFC 8259 section 8.1 forbids it in JSON text");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isUnderflow()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      throw new CanonicalJsonException(
          "not well-formed UTF-8 at byte "
              + at
              + ": found "
              + utf8.slice(at, Math.min(bytes.length, at + result.length())).hex()
              + " (RFC 8259 section 8.1 requires UTF-8; RFC 3629 forbids encoded surrogates"
              + " and overlong forms)");
    }
    out.flip();
    return out.toString();
  }

  private static int firstDifference(Bytes a, Bytes b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      if (a.byteAt(i) != b.byteAt(i)) {
        return i;
      }
    }
    return n;
  }

  private static String excerpt(Bytes bytes, int at) {
    if (at >= bytes.length()) {
      return "end of input";
    }
    int end = Math.min(bytes.length(), at + 24);
    return "\"" + bytes.slice(at, end).utf8String() + (end < bytes.length() ? "...\"" : "\"");
  }
}
