package org.examledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A recursive-descent parser for RFC 8259 JSON text with the I-JSON (RFC 7493) restrictions RFC
 * 8785 section 3.1 asks for. Jackson's own parser is not used because it accepts lone surrogates in
 * {@code \}u escapes, silently overflows numbers such as 1e400 to Infinity in its tree model and
 * (unless configured) lets a later duplicate name overwrite an earlier one; each of those would let
 * two different texts canonicalize to the same signed bytes.
 *
 * <p>Offsets in messages are 0-based indexes of UTF-16 code units (Java {@code char}s) in the input
 * text.
 */
final class StrictJsonParser {

  /** Deep enough for any ledger document, shallow enough that recursion cannot exhaust a stack. */
  static final int MAX_DEPTH = 512;

  private static final double TWO_POW_53 = 9007199254740992.0; // 2^53: doubles are exact below

  private final String text;
  private final PointerPath path = new PointerPath();
  private int pos;

  private StrictJsonParser(String text) {
    this.text = text;
  }

  static JsonNode parse(String text) {
    StrictJsonParser parser = new StrictJsonParser(text);
    JsonNode root = parser.value();
    parser.skipWhitespace();
    if (parser.pos < text.length()) {
      throw new CanonicalJsonException(
          "trailing content at offset "
              + parser.pos
              + ": expected end of input after the JSON value, found "
              + parser.describeAt(parser.pos)
              + " (RFC 8259 section 2: a JSON text is one value)");
    }
    return root;
  }

  private JsonNode value() {
    skipWhitespace();
    if (pos >= text.length()) {
      throw new CanonicalJsonException(
          "unexpected end of input at offset " + pos + ": expected a JSON value");
    }
    char c = text.charAt(pos);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
        return JsonNodeFactory.instance.textNode(string());
      case 't':
        literal("true");
        return JsonNodeFactory.instance.booleanNode(true);
      case 'f':
        literal("false");
        return JsonNodeFactory.instance.booleanNode(false);
      case 'n':
        literal("null");
        return JsonNodeFactory.instance.nullNode();
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        rejectNonJsonNumberWords();
        throw expected("a JSON value");
    }
  }

  /** NaN and Infinity are JavaScript, not JSON: name them, since that is the likely mistake. */
  private void rejectNonJsonNumberWords() {
    for (String word : new String[] {"NaN", "Infinity"}) {
      if (text.startsWith(word, pos)) {
        throw new CanonicalJsonException(
            word
                + " at offset "
                + pos
                + " is not a JSON value: RFC 8259 section 6 allows no NaN or Infinity"
                + " (RFC 8785 section 3.2.2.3)");
      }
    }
  }

  private void enter() {
    if (path.depth() >= MAX_DEPTH) {
      throw new CanonicalJsonException(
          "nesting too deep at offset "
              + pos
              + ": expected at most "
              + MAX_DEPTH
              + " levels of arrays and objects, found more at JSON Pointer "
              + path);
    }
  }

  private ObjectNode object() {
    enter();
    int objectStart = pos;
    pos++; // '{'
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return node;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw expected("'\"' starting a member name");
      }
      int nameOffset = pos;
      String name = string();
      if (node.has(name)) {
        // RFC 7493 section 2.3: names MUST be unique; RFC 8785 section 3.1 requires I-JSON.
        throw new CanonicalJsonException(
            "duplicate member name "
                + quote(name)
                + " at offset "
                + nameOffset
                + " in the object at JSON Pointer "
                + path
                + " (starting at offset "
                + objectStart
                + "): I-JSON (RFC 7493 section 2.3) requires unique names");
      }
      skipWhitespace();
      if (peek() != ':') {
        throw expected("':' after member name " + quote(name));
      }
      pos++;
      path.push(name);
      node.set(name, value());
      path.pop();
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == '}') {
        pos++;
        return node;
      } else {
        throw expected("',' or '}' in object");
      }
    }
  }

  private ArrayNode array() {
    enter();
    pos++; // '['
    ArrayNode node = JsonNodeFactory.instance.arrayNode();
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return node;
    }
    while (true) {
      path.push(node.size());
      node.add(value());
      path.pop();
      skipWhitespace();
      char c = peek();
      if (c == ',') {
        pos++;
      } else if (c == ']') {
        pos++;
        return node;
      } else {
        throw expected("',' or ']' in array");
      }
    }
  }

  /** RFC 8259 section 7, plus RFC 7493 section 2.1: the decoded string must be valid UTF-16. */
  private String string() {
    pos++; // opening quote
    // The common string has no escape, control character or surrogate: taken whole. Otherwise
    // runs of such plain code units are taken whole and the rest unit by unit.
    int plain = endOfPlainRun(text, pos);
    if (plain < text.length() && text.charAt(plain) == '"') {
      String whole = text.substring(pos, plain);
      pos = plain + 1;
      return whole;
    }
    StringBuilder sb = new StringBuilder(Math.max(16, plain - pos + 16));
    sb.append(text, pos, plain);
    pos = plain;
    int pendingHighOffset = -1;
    while (true) {
      if (pos >= text.length()) {
        throw new CanonicalJsonException(
            "unexpected end of input at offset " + pos + ": expected '\"' closing the string");
      }
      int unitOffset = pos;
      char c = text.charAt(pos);
      char unit;
      if (c == '"') {
        if (pendingHighOffset >= 0) {
          throw loneHighSurrogate(sb.charAt(sb.length() - 1), pendingHighOffset, "end of string");
        }
        pos++;
        return sb.toString();
      } else if (c == '\\') {
        unit = escape();
      } else if (c < 0x20) {
        throw new CanonicalJsonException(
            "unescaped control character in string at offset "
                + pos
                + ": expected U+0000..U+001F to be escaped (RFC 8259 section 7), found "
                + codeUnit(c));
      } else if (pendingHighOffset < 0 && !Character.isSurrogate(c)) {
        // A plain run (an envelope's JSON inside a string is mostly runs between escapes).
        int end = endOfPlainRun(text, pos);
        sb.append(text, pos, end);
        pos = end;
        continue;
      } else {
        unit = c;
        pos++;
      }
      if (pendingHighOffset >= 0) {
        if (!Character.isLowSurrogate(unit)) {
          throw loneHighSurrogate(
              sb.charAt(sb.length() - 1),
              pendingHighOffset,
              codeUnit(unit) + " at offset " + unitOffset);
        }
        pendingHighOffset = -1;
      } else if (Character.isHighSurrogate(unit)) {
        pendingHighOffset = unitOffset;
      } else if (Character.isLowSurrogate(unit)) {
        throw new CanonicalJsonException(
            "lone surrogate "
                + codeUnit(unit)
                + " at offset "
                + unitOffset
                + ": expected a high surrogate (U+D800..U+DBFF) before it, found none;"
                + " I-JSON (RFC 7493 section 2.1) forbids unpaired surrogates");
      }
      sb.append(unit);
    }
  }

  /**
   * The index of the first code unit of {@code s} from {@code from} on that is a quote, a
   * backslash, a control character or a surrogate ({@code s.length()} if none): the run before it
   * reads and writes as it is, in JSON text and in RFC 8785's form alike.
   */
  static int endOfPlainRun(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\' || c < 0x20 || Character.isSurrogate(c)) {
        return i;
      }
      i++;
    }
    return i;
  }

  private static CanonicalJsonException loneHighSurrogate(char high, int offset, String found) {
    return new CanonicalJsonException(
        "lone surrogate "
            + codeUnit(high)
            + " at offset "
            + offset
            + ": expected a low surrogate (U+DC00..U+DFFF) to follow, found "
            + found
            + "; I-JSON (RFC 7493 section 2.1) forbids unpaired surrogates");
  }

  private char escape() {
    int start = pos;
    pos++; // backslash
    if (pos >= text.length()) {
      throw new CanonicalJsonException(
          "unexpected end of input at offset " + pos + ": expected an escape character");
    }
    char c = text.charAt(pos++);
    switch (c) {
      case '"':
        return '"';
      case '\\':
        return '\\';
      case '/':
        return '/';
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int value = 0;
        for (int i = 0; i < 4; i++) {
          int digit = pos < text.length() ? hexDigit(text.charAt(pos)) : -1;
          if (digit < 0) {
            throw new CanonicalJsonException(
                "invalid \\u escape at offset "
                    + start
                    + ": expected 4 hex digits, found "
                    + describeAt(pos));
          }
          value = value * 16 + digit;
          pos++;
        }
        return (char) value;
      default:
        throw new CanonicalJsonException(
            "invalid escape at offset "
                + start
                + ": expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX (RFC 8259 section 7),"
                + " found "
                + describeAt(start + 1));
    }
  }

  /** ASCII hex only: {@link Character#digit} would also accept e.g. fullwidth digits. */
  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private void literal(String word) {
    if (!text.startsWith(word, pos)) {
      int end = Math.min(text.length(), pos + word.length());
      throw new CanonicalJsonException(
          "invalid literal at offset "
              + pos
              + ": expected '"
              + word
              + "', found '"
              + text.substring(pos, end)
              + "'");
    }
    pos += word.length();
  }

  /**
   * RFC 8259 section 6 grammar, read as the nearest IEEE 754 double (round half to even, which
   * {@link Double#parseDouble} does exactly). RFC 7493 section 2.2: a number whose magnitude the
   * double range cannot hold is rejected, both too large (1e400) and non-zero but too small to be
   * anything but zero (1e-400); rounding within the range is I-JSON's accepted precision.
   */
  private JsonNode number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
      if (text.startsWith("Infinity", pos)) {
        pos = start;
        throw new CanonicalJsonException(
            "-Infinity at offset "
                + start
                + " is not a JSON value: RFC 8259 section 6 allows no NaN or Infinity"
                + " (RFC 8785 section 3.2.2.3)");
      }
    }
    boolean nonZeroDigit = false;
    if (peek() == '0') {
      pos++;
      if (isDigit(peek())) {
        throw new CanonicalJsonException(
            "leading zero in number at offset "
                + start
                + ": expected no digit after an initial 0 (RFC 8259 section 6), found "
                + describeAt(pos));
      }
    } else if (isDigit(peek())) {
      nonZeroDigit = true;
      digits();
    } else {
      throw expected("a digit after '-' in the number starting at offset " + start);
    }
    if (peek() == '.') {
      pos++;
      if (!isDigit(peek())) {
        throw expected("a digit after the decimal point of the number starting at offset " + start);
      }
      nonZeroDigit |= digits();
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!isDigit(peek())) {
        throw expected("a digit in the exponent of the number starting at offset " + start);
      }
      digits();
    }
    String literal = text.substring(start, pos);
    double value = Double.parseDouble(literal);
    if (Double.isInfinite(value)) {
      throw new CanonicalJsonException(
          "number "
              + abbreviate(literal)
              + " at offset "
              + start
              + " is out of range: its magnitude exceeds the largest IEEE 754 double"
              + " (1.7976931348623157e+308); I-JSON (RFC 7493 section 2.2)");
    }
    if (value == 0 && nonZeroDigit) {
      throw new CanonicalJsonException(
          "number "
              + abbreviate(literal)
              + " at offset "
              + start
              + " is out of range: it is not zero but would read as 0, being below half the smallest"
              + " IEEE 754 double (5e-324); I-JSON (RFC 7493 section 2.2)");
    }
    return numberNode(value);
  }

  /**
   * Integral values of magnitude up to 2^53 come back as int or long nodes, as Jackson's own mapper
   * builds them, so that trees read from canonical text compare equal to hand-built ones.
   */
  static JsonNode numberNode(double value) {
    if (value == Math.rint(value) && Math.abs(value) <= TWO_POW_53) {
      long integral = (long) value; // -0.0 becomes 0: both are "0" in canonical form
      if (integral == (int) integral) {
        return JsonNodeFactory.instance.numberNode((int) integral);
      }
      return JsonNodeFactory.instance.numberNode(integral);
    }
    return JsonNodeFactory.instance.numberNode(value);
  }

  /** Consumes digits; true if any was not '0'. */
  private boolean digits() {
    boolean nonZero = false;
    while (isDigit(peek())) {
      nonZero |= text.charAt(pos) != '0';
      pos++;
    }
    return nonZero;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** RFC 8259 section 2: only space, tab, line feed and carriage return are whitespace. */
  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  /** The character at pos, or U+FFFF (never valid JSON structure) at end of input. */
  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\uffff';
  }

  private CanonicalJsonException expected(String what) {
    if (pos >= text.length()) {
      return new CanonicalJsonException(
          "unexpected end of input at offset " + pos + ": expected " + what);
    }
    return new CanonicalJsonException(
        "invalid JSON at offset " + pos + ": expected " + what + ", found " + describeAt(pos));
  }

  private String describeAt(int offset) {
    if (offset >= text.length()) {
      return "end of input";
    }
    char c = text.charAt(offset);
    if (c == '\'') {
      return "\"'\"";
    }
    if (c >= 0x20 && c < 0x7f) {
      return "'" + c + "'";
    }
    return codeUnit(c);
  }

  static String codeUnit(char c) {
    return String.format("U+%04X", (int) c);
  }

  /** A member name for a message: quoted, with control characters and surrogates as U+XXXX. */
  static String quote(String name) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || Character.isSurrogate(c) && !isPairAt(name, i)) {
        sb.append(codeUnit(c));
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static boolean isPairAt(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  private static String abbreviate(String literal) {
    return literal.length() <= 40 ? literal : literal.substring(0, 40) + "...";
  }
}
