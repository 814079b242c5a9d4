package org.examledger.bench.service;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The generator's HTTP side: one shared HTTP/1.1 client (a connection per concurrent caller), HTTP
 * Basic credentials per account, and the time of each exchange measured around {@code send} only
 * (signing is done before the clock starts).
 */
final class Http {

  record Response(int status, String body, long nanos) {
    boolean accepted() {
      return status == 201 || status == 202;
    }

    /** The problem-details rule of a refusal, or the status when the body has none. */
    String rule() {
      int at = body.indexOf("\"rule\":\"");
      if (at < 0) {
        return String.valueOf(status);
      }
      int from = at + 8;
      return status + " " + body.substring(from, body.indexOf('"', from));
    }

    /** A top-level string member of a JSON answer, found without parsing the whole body. */
    String member(String name) {
      String key = "\"" + name + "\":\"";
      int at = body.indexOf(key);
      if (at < 0) {
        return null;
      }
      int from = at + key.length();
      return body.substring(from, body.indexOf('"', from));
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  private final String base;

  Http(String base) {
    this.base = base;
  }

  static String basic(String username) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString(
                (username + ":" + LedgerServer.PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  Response post(String path, String body, String username) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", basic(username))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .timeout(Duration.ofSeconds(60))
            .build());
  }

  Response get(String path, String username) {
    return send(
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Authorization", basic(username))
            .GET()
            .timeout(Duration.ofSeconds(60))
            .build());
  }

  private Response send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.body(), System.nanoTime() - start);
    } catch (IOException e) {
      return new Response(
          -1, "{\"rule\":\"io-" + e.getClass().getSimpleName() + "\"}", System.nanoTime() - start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Response(-1, "{\"rule\":\"interrupted\"}", System.nanoTime() - start);
    }
  }
}
