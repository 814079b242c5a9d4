package org.examledger.bench.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The service under measurement: the application jar started as its own process (as {@code ./ledger
 * serve} runs it) on a bench database, or a server the caller already runs. Accounts are written
 * straight into {@code ledger_account}, with a BCrypt hash made by the service's own encoder class,
 * as {@code ./ledger user add} would (which starts a Spring context per account: too slow for
 * dozens).
 */
final class LedgerServer implements AutoCloseable {

  /** The password of every bench account (the database is the run's own and dropped after it). */
  static final String PASSWORD = "examledger-bench-password";

  private final String url;
  private final Process process;
  private final Path log;
  private final BenchDatabase database;

  private LedgerServer(String url, Process process, Path log, BenchDatabase database) {
    this.url = url;
    this.process = process;
    this.log = log;
    this.database = database;
  }

  /**
   * Starts {@code jar} on {@code database} with the write-rate limit switched off, the given data
   * folder (the log key and the server's log live there; the caller deletes it) and the given extra
   * JVM options and application properties; waits for the health check.
   */
  static LedgerServer start(
      Path jar,
      BenchDatabase database,
      Path dataDir,
      List<String> jvmOptions,
      List<String> properties)
      throws IOException, InterruptedException {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no application jar at " + jar + " (run ./mvnw package)");
    }
    int port = freePort();
    Path log = dataDir.resolve("server-" + port + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.add("--ledger.data-dir=" + dataDir);
    command.add("--spring.datasource.url=" + database.url());
    command.add("--spring.datasource.username=" + database.user());
    command.add("--spring.datasource.password=");
    command.add("--ledger.limits.writes-per-second=0");
    command.addAll(properties);
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().remove("LEDGER_DB_URL");
    Process process = builder.start();
    LedgerServer server = new LedgerServer("http://127.0.0.1:" + port, process, log, database);
    server.awaitHealthy(Duration.ofMinutes(3));
    return server;
  }

  /** A server someone else runs; accounts go into {@code database} when one is given. */
  static LedgerServer external(String url, BenchDatabase database) {
    return new LedgerServer(url.replaceAll("/+$", ""), null, null, database);
  }

  String url() {
    return url;
  }

  /** The server process's id, or -1 for an external server. */
  long pid() {
    return process == null ? -1 : process.pid();
  }

  /** The server process's resident memory in bytes (VmRSS), or -1 for an external server. */
  long residentBytes() {
    if (process == null) {
      return -1;
    }
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.substring(6).replace("kB", "").trim()) * 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }

  /**
   * How many lines of the server's log contain {@code text}, and the first of them (empty for an
   * external server): evidence for what the numbers show.
   */
  ObjectNode logLines(String text) throws IOException {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    if (log == null) {
      return json;
    }
    List<String> matching = Files.readAllLines(log).stream().filter(l -> l.contains(text)).toList();
    json.put("count", matching.size());
    if (!matching.isEmpty()) {
      json.put("first", matching.get(0));
    }
    return json;
  }

  /** Adds enabled accounts {@code name -> (actor, roles)} with {@link #PASSWORD}. */
  void addAccounts(List<String[]> accounts) throws SQLException {
    if (database == null) {
      throw new IllegalStateException(
          "accounts need the server's database: give --db-url with --server");
    }
    String hash = new BCryptPasswordEncoder(10).encode(PASSWORD);
    try (Connection c = database.connect();
        PreparedStatement insert =
            c.prepareStatement(
                "INSERT INTO ledger_account (username, password_hash, roles, actor_id, enabled,"
                    + " created_at) VALUES (?, ?, ?, ?, TRUE, ?) ON CONFLICT (username) DO"
                    + " NOTHING")) {
      for (String[] a : accounts) {
        insert.setString(1, a[0]);
        insert.setString(2, hash);
        insert.setString(3, a[2]);
        insert.setString(4, a[1]);
        insert.setTimestamp(5, Timestamp.from(Instant.now()));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private void awaitHealthy(Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health =
        HttpRequest.newBuilder(URI.create(url + "/actuator/health"))
            .timeout(Duration.ofSeconds(5))
            .build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the ledger stopped while starting; its log:\n" + tail(Files.readString(log)));
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(500);
    }
    throw new IllegalStateException(
        "the ledger did not become healthy within "
            + timeout
            + "; its log:\n"
            + tail(Files.readString(log)));
  }

  private static String tail(String text) {
    return text.length() <= 4000 ? text : text.substring(text.length() - 4000);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }
}
