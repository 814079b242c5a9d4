package org.examledger.canonical;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * RFC 8785 section 3.2 serialization of a Jackson tree. Accepts trees built by hand as well as by
 * {@link StrictJsonParser}, so it re-checks what I-JSON requires of them (well-formed strings,
 * finite numbers, integers a double holds exactly) instead of trusting the caller.
 */
final class CanonicalWriter {

  /** 2^53: integers up to this magnitude convert to a double and back unchanged. */
  private static final long EXACT_LONG = 1L << 53;

  private final StringBuilder out = new StringBuilder();
  private final PointerPath path = new PointerPath();

  private CanonicalWriter() {}

  static String write(JsonNode node) {
    CanonicalWriter writer = new CanonicalWriter();
    writer.value(node);
    return writer.out.toString();
  }

  private void value(JsonNode node) {
    if (node == null) {
      throw new CanonicalJsonException("null JsonNode reference at JSON Pointer " + path);
    }
    if (node.isContainerNode() && path.depth() >= StrictJsonParser.MAX_DEPTH) {
      // The parser's limit exactly: writing text the parser would refuse to read back would let
      // a signer produce bytes no verifier accepts.
      throw new CanonicalJsonException(
          "nesting too deep: expected at most "
              + StrictJsonParser.MAX_DEPTH
              + " levels of arrays and objects, found more at JSON Pointer "
              + path);
    }
    switch (node.getNodeType()) {
      case OBJECT:
        object(node);
        break;
      case ARRAY:
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          path.push(i);
          value(node.get(i));
          path.pop();
        }
        out.append(']');
        break;
      case STRING:
        string(node.textValue());
        break;
      case NUMBER:
        out.append(Es6Numbers.format(toDouble(node)));
        break;
      case BOOLEAN:
        out.append(node.booleanValue() ? "true" : "false"); // RFC 8785 section 3.2.2.1
        break;
      case NULL:
        out.append("null");
        break;
      default:
        throw new CanonicalJsonException(
            "node of type "
                + node.getNodeType()
                + " at JSON Pointer "
                + path
                + " has no JSON representation");
    }
  }

  /**
   * RFC 8785 section 3.2.3: members sorted by name as arrays of UTF-16 code units, compared
   * unsigned, which is exactly {@link String#compareTo}; no locale, no normalization.
   */
  private void object(JsonNode node) {
    List<String> names = new ArrayList<>(node.size());
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      names.add(it.next());
    }
    names.sort(String::compareTo);
    out.append('{');
    boolean first = true;
    for (String name : names) {
      if (!first) {
        out.append(',');
      }
      first = false;
      path.push(name);
      string(name);
      out.append(':');
      value(node.get(name));
      path.pop();
    }
    out.append('}');
  }

  /** RFC 8785 section 3.2.2.2. */
  private void string(String s) {
    out.append('"');
    // The common string needs no escape and has no surrogate: written whole. Otherwise runs of
    // code units that need none are written whole and the rest unit by unit.
    int i = 0;
    while (i < s.length()) {
      int plain = StrictJsonParser.endOfPlainRun(s, i);
      if (plain > i) {
        out.append(s, i, plain);
        i = plain;
        continue;
      }
      char c = s.charAt(i);
      if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < s.length()
            && Character.isLowSurrogate(s.charAt(i + 1))) {
          out.append(c).append(s.charAt(i + 1));
          i += 2;
          continue;
        }
        throw loneSurrogate(c, i);
      }
      // Not plain, not a surrogate: a quote, a backslash or a control character, escaped.
      i++;
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          // Other control characters: \\u and four lower-case hex digits. Everything else,
          // including '/', U+007F and U+2028, is in the plain runs, written as is.
          out.append(String.format("\\u%04x", (int) c));
      }
    }
    out.append('"');
  }

  private CanonicalJsonException loneSurrogate(char c, int index) {
    return new CanonicalJsonException(
        "lone surrogate "
            + StrictJsonParser.codeUnit(c)
            + " at index "
            + index
            + " of a string at JSON Pointer "
            + path
            + ": I-JSON (RFC 7493 section 2.1) forbids unpaired surrogates, which have no UTF-8"
            + " encoding");
  }

  /**
   * RFC 8785 section 3.2.2.3 serializes every number as an IEEE 754 double. Integers from a tree
   * built in Java must survive that unchanged, or the signed bytes would say something else than
   * the caller's value.
   */
  private double toDouble(JsonNode node) {
    switch (node.numberType()) {
      case INT:
      case LONG:
        long v = node.longValue();
        if (v >= -EXACT_LONG && v <= EXACT_LONG) {
          return v; // every integer of magnitude at most 2^53 is a double exactly
        }
        return exactInteger(BigInteger.valueOf(v));
      case BIG_INTEGER:
        return exactInteger(node.bigIntegerValue());
      case BIG_DECIMAL:
        return decimal(node.decimalValue());
      default:
        double d = node.doubleValue(); // FLOAT or DOUBLE
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new CanonicalJsonException(
              "number "
                  + d
                  + " at JSON Pointer "
                  + path
                  + " has no JSON representation: RFC 8785 section 3.2.2.3 requires an error for"
                  + " NaN and Infinity");
        }
        return d;
    }
  }

  private double exactInteger(BigInteger value) {
    double d = value.doubleValue();
    if (Double.isInfinite(d) || new BigDecimal(d).toBigIntegerExact().compareTo(value) != 0) {
      throw new CanonicalJsonException(
          "integer "
              + value
              + " at JSON Pointer "
              + path
              + " is not exactly representable as an IEEE 754 double (it would become "
              + (Double.isInfinite(d) ? "Infinity" : Es6Numbers.format(d))
              + "); I-JSON (RFC 7493 section 2.2)");
    }
    return d;
  }

  private double decimal(BigDecimal value) {
    double d = value.doubleValue();
    if (Double.isInfinite(d) || (d == 0 && value.signum() != 0)) {
      throw new CanonicalJsonException(
          "number "
              + value
              + " at JSON Pointer "
              + path
              + " is out of the IEEE 754 double range; I-JSON (RFC 7493 section 2.2)");
    }
    return d;
  }
}
