package org.examledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.yaml.snakeyaml.Yaml;

/** The hand-written OpenAPI document names exactly the endpoints LogController serves. */
class LogOpenApiTest {

  @Test
  void openApiDocument_listsEveryLogEndpointAndNoOther() throws IOException {
    Set<String> served = new TreeSet<>();
    String base = LogController.class.getAnnotation(RequestMapping.class).value()[0];
    for (Method m : LogController.class.getDeclaredMethods()) {
      GetMapping get = m.getAnnotation(GetMapping.class);
      PostMapping post = m.getAnnotation(PostMapping.class);
      if (get != null) {
        served.add("get " + base + get.value()[0]);
      }
      if (post != null) {
        served.add("post " + base + post.value()[0]);
      }
    }
    Set<String> documented = new TreeSet<>();
    try (InputStream in = getClass().getResourceAsStream("/static/openapi/log.yaml")) {
      Map<String, Object> doc = new Yaml().load(in);
      @SuppressWarnings("unchecked")
      Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) doc.get("paths");
      paths.forEach((path, ops) -> ops.keySet().forEach(op -> documented.add(op + " " + path)));
    }
    assertThat(served).hasSize(10);
    assertThat(documented).isEqualTo(served);
  }
}
