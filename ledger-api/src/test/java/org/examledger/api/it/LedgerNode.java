package org.examledger.api.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.examledger.api.LedgerApplication;
import org.examledger.api.security.AccountRole;
import org.examledger.api.security.Accounts;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One real ledger application, started in this JVM on a free port with the given settings, and a
 * small JSON-over-HTTP client for it. Tests talk to it only over HTTP (and SQL for tampering).
 *
 * <p>Every request signs in with HTTP Basic, as the real clients do. A statement is sent by an
 * account bound to its signer (made on first use, with the roles that submit statements), so the
 * submission rule holds in every test; everything else by the operator account {@value #OPERATOR}
 * (auditor, station administrator, supervisor, witness). {@link #as} sends as any other account.
 */
public final class LedgerNode implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigurableApplicationContext context;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final Set<String> accounts = ConcurrentHashMap.newKeySet();

  /** The account every non-statement request of a test uses. */
  public static final String OPERATOR = "it-operator";

  /** The roles of accounts made for statement signers: those that may submit statements. */
  static final Set<AccountRole> SIGNER_ROLES =
      Set.of(
          AccountRole.EXAMINER,
          AccountRole.PROCTOR,
          AccountRole.STATION_ADMIN,
          AccountRole.SUPERVISOR);

  private LedgerNode(ConfigurableApplicationContext context) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://127.0.0.1:" + port;
    account(
        OPERATOR,
        OPERATOR,
        AccountRole.AUDITOR,
        AccountRole.STATION_ADMIN,
        AccountRole.SUPERVISOR,
        AccountRole.WITNESS);
  }

  /** The test password of an account made here. */
  public static String password(String username) {
    return username + "-it-password";
  }

  /**
   * Makes an account (if this node has not made it yet) signing as {@code actorId}, with password
   * {@link #password}.
   */
  public void account(String username, String actorId, AccountRole... roles) {
    if (accounts.add(username)) {
      Accounts store = context.getBean(Accounts.class);
      if (store.find(username).isEmpty()) {
        store.add(username, password(username).toCharArray(), Set.of(roles), actorId);
      }
    }
  }

  /** A client signing in as {@code username} with its test password. */
  public Client as(String username) {
    return new Client(basic(username, password(username)));
  }

  /** A client sending this Authorization header (null: none). */
  public Client withAuthorization(String authorization) {
    return new Client(authorization);
  }

  static String basic(String username, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /** Requests with one caller's credentials. */
  public final class Client {
    private final String authorization;

    private Client(String authorization) {
      this.authorization = authorization;
    }

    public Response get(String path) {
      return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), authorization);
    }

    public Response post(String path, String jsonBody) {
      return send(
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(jsonBody)),
          authorization);
    }

    public Response post(String path, String contentType, String body) {
      return send(
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Content-Type", contentType)
              .POST(HttpRequest.BodyPublishers.ofString(body)),
          authorization);
    }
  }

  public static LedgerNode start(Map<String, String> properties) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    properties.forEach((k, v) -> args.add("--" + k + "=" + v));
    return new LedgerNode(
        SpringApplication.run(LedgerApplication.class, args.toArray(String[]::new)));
  }

  /** The settings of a node on {@code db} named {@code nodeId} with its own data folder. */
  static Map<String, String> postgresSettings(PostgresDatabase db, String nodeId, Path dataDir) {
    Map<String, String> settings = postgresSettings(db, nodeId, Map.of());
    settings.put("ledger.data-dir", dataDir.toString());
    return settings;
  }

  /** {@code more}, and the settings of a node on {@code db} named {@code nodeId}. */
  private static Map<String, String> postgresSettings(
      PostgresDatabase db, String nodeId, Map<String, String> more) {
    Map<String, String> settings = new HashMap<>(more);
    settings.put("spring.datasource.url", db.url());
    settings.put("spring.datasource.username", db.user());
    settings.put("spring.datasource.password", "");
    settings.put("ledger.node-id", nodeId);
    return settings;
  }

  public static LedgerNode onPostgres(PostgresDatabase db, String nodeId) {
    return onPostgres(db, nodeId, Map.of());
  }

  /** A node on {@code db} with {@code more} settings. */
  public static LedgerNode onPostgres(
      PostgresDatabase db, String nodeId, Map<String, String> more) {
    return start(postgresSettings(db, nodeId, more));
  }

  /** http://127.0.0.1:port, for clients other than this one (the CLI). */
  public String baseUrl() {
    return baseUrl;
  }

  public ConfigurableApplicationContext context() {
    return context;
  }

  /** How many events the event store holds (a refused request must not change it). */
  public long storedEvents() {
    return JdbcClient.create(context.getBean(DataSource.class))
        .sql("SELECT COUNT(*) FROM domain_event_entry")
        .query(Long.class)
        .single();
  }

  public Response get(String path) {
    return as(OPERATOR).get(path);
  }

  /** A statement by its signer's account; anything else by the operator. */
  public Response post(String path, String jsonBody) {
    String signer = path.startsWith("/api/v1/log") ? null : signer(jsonBody);
    if (signer == null) {
      return as(OPERATOR).post(path, jsonBody);
    }
    String username = signer.toLowerCase(Locale.ROOT);
    account(username, signer, SIGNER_ROLES.toArray(AccountRole[]::new));
    return as(username).post(path, jsonBody);
  }

  /**
   * The actor of a signed or unsigned statement (of the first statement of a bulk submission), or
   * null when the body is none.
   */
  static String signer(String body) {
    try {
      JsonNode root = JSON.readTree(body);
      if (root.path("statements").isArray() && !root.get("statements").isEmpty()) {
        root = root.get("statements").get(0);
      }
      JsonNode statement =
          root.hasNonNull("payload")
              ? JSON.readTree(Base64.getDecoder().decode(root.get("payload").asText()))
              : root.get("statement");
      return statement != null && statement.hasNonNull("actor")
          ? statement.get("actor").asText()
          : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private Response send(HttpRequest.Builder request, String authorization) {
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      HttpResponse<String> response =
          http.send(
              request.timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          response.body(),
          response.headers().map());
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
  public record Response(
      int status, String contentType, String body, Map<String, List<String>> headers) {

    /** The first value of a header (names are case-insensitive), or null. */
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }
}
