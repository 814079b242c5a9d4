package org.examledger.canonical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.examledger.bytes.Bytes;

/** Properties of canonicalization on generated JSON trees; fixed seeds, so failures reproduce. */
class CanonicalJsonProperties {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property(seed = "8785", tries = 500)
  void canonicalize_ofParsedCanonicalText_isIdentity(@ForAll("trees") JsonNode tree) {
    Bytes canonical = CanonicalJson.canonicalize(tree);

    assertThat(CanonicalJson.canonicalize(canonical.utf8String())).isEqualTo(canonical);
    assertThat(CanonicalJson.canonicalize(CanonicalJson.parseCanonical(canonical)))
        .isEqualTo(canonical);
  }

  @Property(seed = "7493", tries = 500)
  void canonicalize_memberOrderAndFormattingOfInput_doNotChangeOutput(
      @ForAll("trees") JsonNode tree, @ForAll long shuffleSeed) throws JsonProcessingException {
    String shuffled = MAPPER.writeValueAsString(shuffle(tree, new Random(shuffleSeed)));
    String pretty =
        MAPPER
            .writerWithDefaultPrettyPrinter()
            .writeValueAsString(shuffle(tree, new Random(~shuffleSeed)));

    Bytes expected = CanonicalJson.canonicalize(tree);
    assertThat(CanonicalJson.canonicalize(shuffled)).isEqualTo(expected);
    assertThat(CanonicalJson.canonicalize(pretty)).isEqualTo(expected);
  }

  @Property(seed = "1996", tries = 20000)
  void format_anyDouble_equalsNaiveReference(@ForAll long bits) {
    double value = Double.longBitsToDouble(bits);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }

    assertThat(Es6Numbers.format(value)).isEqualTo(NaiveEs6Numbers.format(value));
  }

  /** The integer fast path of Es6Numbers.format against the reference, up to 2^53 and past it. */
  @Property(seed = "253", tries = 20000)
  void format_integralDouble_equalsNaiveReference(
      @ForAll @net.jqwik.api.constraints.LongRange(min = -(1L << 54), max = 1L << 54) long n) {
    double value = n;

    assertThat(Es6Numbers.format(value)).isEqualTo(NaiveEs6Numbers.format(value));
  }

  @Property(seed = "262", tries = 20000)
  void format_anyDouble_readsBackAsSameDouble(@ForAll long bits) {
    double value = Double.longBitsToDouble(bits);
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return;
    }

    assertThat(Double.parseDouble(Es6Numbers.format(value))).isEqualTo(value == 0 ? 0.0 : value);
  }

  @Provide
  Arbitrary<JsonNode> trees() {
    return tree(3);
  }

  private Arbitrary<JsonNode> tree(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<JsonNode> child = tree(depth - 1);
    Arbitrary<JsonNode> arrays =
        child
            .list()
            .ofMaxSize(4)
            .map(
                items -> {
                  ArrayNode array = NODES.arrayNode();
                  items.forEach(array::add);
                  return array;
                });
    Arbitrary<JsonNode> objects =
        Combinators.combine(strings().list().ofMaxSize(4), child.list().ofSize(4))
            .as(
                (names, values) -> {
                  ObjectNode object = NODES.objectNode();
                  for (int i = 0; i < names.size(); i++) {
                    object.set(names.get(i), values.get(i));
                  }
                  return object;
                });
    return Arbitraries.frequencyOf(
        Tuple.of(2, leaves()), Tuple.of(1, arrays), Tuple.of(1, objects));
  }

  private Arbitrary<JsonNode> leaves() {
    Arbitrary<JsonNode> doubles =
        Arbitraries.longs()
            .map(Double::longBitsToDouble)
            .filter(d -> !Double.isNaN(d) && !Double.isInfinite(d))
            .map(StrictJsonParser::numberNode);
    Arbitrary<JsonNode> integers =
        Arbitraries.longs().between(-(1L << 53), 1L << 53).map(StrictJsonParser::numberNode);
    return Arbitraries.oneOf(
        doubles,
        integers,
        strings().map(NODES::textNode),
        Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode()));
  }

  /** Well-formed UTF-16 strings over all of Unicode, controls and supplementary planes included. */
  private static Arbitrary<String> strings() {
    return Arbitraries.integers()
        .between(0, Character.MAX_CODE_POINT)
        .filter(cp -> cp < Character.MIN_SURROGATE || cp > Character.MAX_SURROGATE)
        .list()
        .ofMaxSize(6)
        .map(
            cps -> {
              StringBuilder sb = new StringBuilder();
              cps.forEach(sb::appendCodePoint);
              return sb.toString();
            });
  }

  /** A copy of the tree with every object's members inserted in a random order. */
  private static JsonNode shuffle(JsonNode node, Random random) {
    if (node.isObject()) {
      List<String> names = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      Collections.shuffle(names, random);
      ObjectNode copy = NODES.objectNode();
      for (String name : names) {
        copy.set(name, shuffle(node.get(name), random));
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = NODES.arrayNode();
      node.forEach(item -> copy.add(shuffle(item, random)));
      return copy;
    }
    return node;
  }
}
