package org.examledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import org.examledger.bytes.Bytes;
import org.junit.jupiter.api.Test;

/** Canonicalizing trees built in Java, and the canonical-only parse a verifier uses. */
class CanonicalJsonTreeTest {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  @Test
  void canonicalize_handBuiltTree_sortsNamesByUtf16CodeUnits() {
    ObjectNode node = NODES.objectNode();
    node.put("\ud83d\ude02", 1); // U+1F602: UTF-16 D83D DE02, sorts before U+FB33 by code unit
    node.put("\ufb33", 2);
    node.put("b", 3L);
    node.put("B", new BigDecimal("4.50"));
    node.putArray("a").add(true).addNull().add("x/\u2028\u007f");

    assertThat(CanonicalJson.canonicalize(node).utf8String())
        .isEqualTo(
            "{\"B\":4.5,\"a\":[true,null,\"x/\u2028\u007f\"],\"b\":3,\"\ud83d\ude02\":1,\"\ufb33\":2}");
  }

  @Test
  void canonicalize_controlCharacters_useShortEscapesOrLowerCaseHex() {
    JsonNode node = NODES.textNode("\b\t\n\f\r\u0000\u001f\"\\");

    assertThat(CanonicalJson.canonicalize(node).utf8String())
        .isEqualTo("\"\\b\\t\\n\\f\\r\\u0000\\u001f\\\"\\\\\"");
  }

  @Test
  void canonicalize_loneSurrogateInTreeString_throws() {
    ObjectNode node = NODES.objectNode();
    node.putArray("list").add("ok").add("a\udc00");

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "lone surrogate U+DC00 at index 1 of a string at JSON Pointer \"/list/1\": I-JSON"
                + " (RFC 7493 section 2.1) forbids unpaired surrogates, which have no UTF-8"
                + " encoding");
  }

  @Test
  void canonicalize_loneSurrogateInTreeName_throws() {
    ObjectNode node = NODES.objectNode();
    node.put("\ud800", 1);

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageStartingWith("lone surrogate U+D800 at index 0 of a string at JSON Pointer");
  }

  @Test
  void canonicalize_longNotExactlyRepresentable_throws() {
    ObjectNode node = NODES.objectNode();
    node.put("n", 9007199254740993L); // 2^53 + 1

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "integer 9007199254740993 at JSON Pointer \"/n\" is not exactly representable as an"
                + " IEEE 754 double (it would become 9007199254740992); I-JSON (RFC 7493 section"
                + " 2.2)");
  }

  @Test
  void canonicalize_largeExactLong_writesEs6TextThatReadsBackExactly() {
    // 2^62 is a double, but ES6 prints the shortest digits that read back as it, then zeros.
    assertThat(CanonicalJson.canonicalize(NODES.numberNode(1L << 62)).utf8String())
        .isEqualTo("4611686018427388000");
    assertThat((long) Double.parseDouble("4611686018427388000")).isEqualTo(1L << 62);
  }

  @Test
  void canonicalize_bigIntegerBeyondDoubleRange_throws() {
    JsonNode node = NODES.numberNode(BigInteger.TEN.pow(400));

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageEndingWith(
            " at JSON Pointer \"\" is not exactly representable as an IEEE 754 double (it would"
                + " become Infinity); I-JSON (RFC 7493 section 2.2)");
  }

  @Test
  void canonicalize_bigDecimalOutOfRange_throws() {
    JsonNode node = NODES.arrayNode().add(new BigDecimal("1E+400"));

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "number 1E+400 at JSON Pointer \"/0\" is out of the IEEE 754 double range; I-JSON"
                + " (RFC 7493 section 2.2)");
  }

  @Test
  void canonicalize_nanDoubleNode_throws() {
    JsonNode node = NODES.objectNode().put("score", Double.NaN);

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "number NaN at JSON Pointer \"/score\" has no JSON representation: RFC 8785 section"
                + " 3.2.2.3 requires an error for NaN and Infinity");
  }

  @Test
  void canonicalize_binaryNode_throws() {
    JsonNode node = NODES.objectNode().put("blob", new byte[] {1, 2});

    assertThatThrownBy(() -> CanonicalJson.canonicalize(node))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage("node of type BINARY at JSON Pointer \"/blob\" has no JSON representation");
  }

  @Test
  void parse_integralNumbers_becomeIntOrLongNodesLikeJacksonBuildsThem() {
    JsonNode node = CanonicalJson.parse("[1, 1.0, 3000000000, 1e2, -0, 0.5, 1e300]");

    assertThat(node.get(0).isInt()).isTrue();
    assertThat(node.get(1).isInt()).isTrue();
    assertThat(node.get(2).isLong()).isTrue();
    assertThat(node.get(3).intValue()).isEqualTo(100);
    assertThat(node.get(4).isInt()).isTrue();
    assertThat(node.get(5).isDouble()).isTrue();
    assertThat(node.get(6).isDouble()).isTrue();
  }

  @Test
  void parseCanonical_canonicalBytes_returnsTree() {
    JsonNode node = CanonicalJson.parseCanonical(Bytes.utf8("{\"a\":[1,\"x\"],\"b\":null}"));

    assertThat(node.get("a").get(1).textValue()).isEqualTo("x");
  }

  @Test
  void parseCanonical_reorderedMembers_throwsWithFirstDifference() {
    Bytes reordered = Bytes.utf8("{\"b\":null,\"a\":[1,\"x\"]}");

    assertThatThrownBy(() -> CanonicalJson.parseCanonical(reordered))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "not in RFC 8785 canonical form: first difference at byte 2: expected"
                + " \"a\":[1,\"x\"],\"b\":null}\", found \"b\":null,\"a\":[1,\"x\"]}\"");
  }

  @Test
  void parseCanonical_insignificantWhitespace_throws() {
    assertThatThrownBy(() -> CanonicalJson.parseCanonical(Bytes.utf8("[1, 2]")))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "not in RFC 8785 canonical form: first difference at byte 3: expected \"2]\", found"
                + " \" 2]\"");
  }

  @Test
  void parseCanonical_escapedSolidus_throws() {
    assertThatThrownBy(() -> CanonicalJson.parseCanonical(Bytes.utf8("[\"\\/\"]")))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessageStartingWith("not in RFC 8785 canonical form: first difference at byte 2:");
  }

  @Test
  void parseCanonical_trailingNewline_throws() {
    assertThatThrownBy(() -> CanonicalJson.parseCanonical(Bytes.utf8("{}\n")))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "not in RFC 8785 canonical form: first difference at byte 2: expected end of input,"
                + " found \"\n\"");
  }

  /** Found by CanonicalJsonFuzzTest's round trip: the writer allowed one level more. */
  @Test
  void canonicalize_treeDeeperThanParserLimit_throws() {
    JsonNode deep = JsonNodeFactory.instance.arrayNode();
    for (int i = 1; i <= CanonicalJson.MAX_DEPTH; i++) {
      deep = JsonNodeFactory.instance.arrayNode().add(deep);
    }
    JsonNode tooDeep = deep; // 513 levels

    assertThatThrownBy(() -> CanonicalJson.canonicalize(tooDeep))
        .isInstanceOf(CanonicalJsonException.class)
        .hasMessage(
            "nesting too deep: expected at most 512 levels of arrays and objects, found more at"
                + " JSON Pointer \""
                + "/0".repeat(512)
                + "\"");
  }

  @Test
  void canonicalize_treeAtParserLimit_writesTextTheParserReads() {
    JsonNode deep = JsonNodeFactory.instance.arrayNode();
    for (int i = 1; i < CanonicalJson.MAX_DEPTH; i++) {
      deep = JsonNodeFactory.instance.arrayNode().add(deep);
    }

    assertThat(CanonicalJson.parseCanonical(CanonicalJson.canonicalize(deep))).isEqualTo(deep);
  }
}
