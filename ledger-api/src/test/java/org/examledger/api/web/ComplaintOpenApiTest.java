package org.examledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.examledger.statements.ComplaintStatements;
import org.examledger.statements.RecordPayloads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.yaml.snakeyaml.Yaml;

/** The hand-written complaints.yaml names every complaint read and every complaint statement. */
class ComplaintOpenApiTest {

  private static Map<String, Object> doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in =
        ComplaintOpenApiTest.class.getResourceAsStream("/static/openapi/complaints.yaml")) {
      doc = new Yaml().load(in);
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiDocument_listsEveryComplaintReadAndNoOther() {
    Set<String> served = new TreeSet<>();
    for (Method m : ComplaintController.class.getDeclaredMethods()) {
      GetMapping get = m.getAnnotation(GetMapping.class);
      if (get != null) {
        served.add("get " + get.value()[0]);
      }
    }
    Set<String> documented = new TreeSet<>();
    ((Map<String, Map<String, Object>>) doc.get("paths"))
        .forEach((path, ops) -> ops.keySet().forEach(op -> documented.add(op + " " + path)));
    assertThat(served).hasSize(4);
    assertThat(documented).isEqualTo(served);
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiDocument_listsEveryComplaintStatementWithItsMembers() {
    Map<String, Map<String, Object>> types =
        (Map<String, Map<String, Object>>) doc.get("x-statement-types");
    assertThat(types.keySet())
        .containsExactlyInAnyOrderElementsOf(ComplaintStatements.COMMANDS.keySet());
    ComplaintStatements.COMMANDS.forEach(
        (type, command) -> {
          assertThat(types.get(type).get("command")).as(type).isEqualTo(command.getSimpleName());
          assertThat((List<String>) types.get(type).get("payload"))
              .as(type)
              .isEqualTo(RecordPayloads.members(command));
          assertThat(types.get(type).get("signer")).as(type).isNotNull();
        });
  }
}
