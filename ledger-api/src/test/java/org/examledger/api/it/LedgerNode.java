package org.examledger.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.examledger.api.LedgerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One real ledger application, started in this JVM on a free port with the given settings, and a
 * small JSON-over-HTTP client for it. Tests talk to it only over HTTP (and SQL for tampering).
 */
public final class LedgerNode implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigurableApplicationContext context;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;

  private LedgerNode(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://127.0.0.1:" + port;
  }

  public static LedgerNode start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    return new LedgerNode(
        SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new)));
  }

  public static LedgerNode onPostgres(PostgresDatabase db, String nodeId) {
    return start(
        Map.of(
            "spring.datasource.url",
            db.url(),
            "spring.datasource.username",
            db.user(),
            "spring.datasource.password",
            "",
            "ledger.node-id",
            nodeId));
  }

  /** http://127.0.0.1:port, for clients other than this one (the CLI). */
  public String baseUrl() {
    return baseUrl;
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Response post(String path, String jsonBody) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(jsonBody)));
  }

  private Response send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    context.close();
  }

  /** An HTTP answer; {@link #json()} parses the body. */
  public record Response(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }
}
