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
import org.examledger.statements.ExamStatements;
import org.examledger.statements.RecordPayloads;
import org.examledger.statements.ReviewStatements;
import org.examledger.statements.StatementTypes;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yaml.snakeyaml.Yaml;

/** The hand-written exam.yaml names every exam endpoint and every statement type, no other. */
class ExamOpenApiTest {

  private static Map<String, Object> doc;

  @BeforeAll
  static void load() throws IOException {
    try (InputStream in = ExamOpenApiTest.class.getResourceAsStream("/static/openapi/exam.yaml")) {
      doc = new Yaml().load(in);
    }
  }

  private static void collect(Class<?> controller, Set<String> into) {
    RequestMapping base = controller.getAnnotation(RequestMapping.class);
    String prefix = base == null ? "" : base.value()[0];
    for (Method m : controller.getDeclaredMethods()) {
      GetMapping get = m.getAnnotation(GetMapping.class);
      PostMapping post = m.getAnnotation(PostMapping.class);
      if (get != null) {
        into.add("get " + prefix + first(get.value(), get.path()));
      }
      if (post != null) {
        into.add("post " + prefix + first(post.value(), post.path()));
      }
    }
  }

  private static String first(String[] value, String[] path) {
    return value.length > 0 ? value[0] : path.length > 0 ? path[0] : "";
  }

  @Test
  void openApiDocument_listsEveryExamEndpointAndNoOther() {
    Set<String> served = new TreeSet<>();
    collect(SessionController.class, served);
    collect(StatementController.class, served);
    Set<String> documented = new TreeSet<>();
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
    paths.forEach((path, ops) -> ops.keySet().forEach(op -> documented.add(op + " " + path)));
    assertThat(served).hasSize(9);
    assertThat(documented).isEqualTo(served);
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiDocument_listsEveryStatementTypeWithTheCommandsMembers() {
    Map<String, Map<String, Object>> types =
        (Map<String, Map<String, Object>>) doc.get("x-statement-types");
    assertThat(types.keySet()).containsExactlyInAnyOrderElementsOf(StatementTypes.ALL);
    java.util.Map<String, Class<? extends Record>> generic =
        new java.util.HashMap<>(ExamStatements.COMMANDS);
    generic.putAll(ComplaintStatements.COMMANDS);
    generic.putAll(ReviewStatements.COMMANDS);
    generic.forEach(
        (type, command) -> {
          assertThat(types.get(type).get("command")).as(type).isEqualTo(command.getSimpleName());
          assertThat((List<String>) types.get(type).get("payload"))
              .as(type)
              .isEqualTo(RecordPayloads.members(command));
        });
  }
}
