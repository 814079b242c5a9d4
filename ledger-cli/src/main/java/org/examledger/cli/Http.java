package org.examledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A small HTTP client for the ledger's API (java.net.http): answers as bytes, RFC 9457 problem
 * bodies turned into one line ({@code 403 bad-signature (field x): detail}).
 */
final class Http {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String base;
  private final String authorization;

  /**
   * @param authorization the Authorization header sent with every request, or null for none
   */
  Http(String server, String authorization) {
    this.authorization = authorization;
    String s = server.endsWith("/") ? server.substring(0, server.length() - 1) : server;
    try {
      URI uri = new URI(s);
      if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
          || uri.getHost() == null) {
        throw CliException.usage(
            "--server: expected http://host:port or https://..., found '" + server + "'");
      }
    } catch (URISyntaxException e) {
      throw CliException.usage("--server: not a URL: '" + server + "'");
    }
    this.base = s;
  }

  String base() {
    return base;
  }

  /** An answer: status, content type and body. */
  record Answer(int status, String contentType, byte[] body) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** One line: status, rule, field and detail of a problem body, or the start of any other. */
    String problemLine() {
      if (contentType.startsWith("application/problem+json")
          || contentType.startsWith("application/json")) {
        try {
          JsonNode p = JSON.readTree(body);
          if (p.has("rule") || p.has("detail")) {
            StringBuilder sb = new StringBuilder().append(status);
            if (p.hasNonNull("rule")) {
              sb.append(' ').append(p.get("rule").asText());
            }
            if (p.hasNonNull("field")) {
              sb.append(" (field ").append(p.get("field").asText()).append(')');
            }
            if (p.hasNonNull("detail")) {
              sb.append(": ").append(p.get("detail").asText().replace('\n', ' '));
            }
            return sb.toString();
          }
        } catch (IOException e) {
          // not JSON after all: fall through to the raw text
        }
      }
      String t = text().strip().replace('\n', ' ');
      return status
          + (t.isEmpty() ? "" : ": " + (t.length() > 200 ? t.substring(0, 200) + "..." : t));
    }

    JsonNode json(String what) {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw CliException.usage(what + ": the server's answer is not JSON");
      }
    }
  }

  Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), path);
  }

  Answer postJson(String path, byte[] body) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body)),
        path);
  }

  /** GET that must succeed; a refusal is bad input for the caller (exit 2) naming the path. */
  Answer getOk(String path) {
    Answer a = get(path);
    if (!a.ok()) {
      throw CliException.usage("GET " + path + ": " + a.problemLine());
    }
    return a;
  }

  private Answer send(HttpRequest.Builder request, String path) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<byte[]> r =
          client.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (ConnectException e) {
      throw CliException.usage("cannot connect to " + base + " (is the server running?)");
    } catch (HttpTimeoutException e) {
      throw CliException.usage(base + path + ": no answer in time");
    } catch (IOException e) {
      throw CliException.usage(base + path + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CliException.usage("interrupted");
    }
  }
}
