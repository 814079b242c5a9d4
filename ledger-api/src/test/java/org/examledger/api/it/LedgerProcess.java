package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * The application jar as its own process ({@code ./ledger serve} runs the same jar, without
 * assertions enabled, as in production), on a PostgreSQL database, on a port that stays the same
 * across restarts. Its log is kept in {@code target/it-nodes/<node>.log}.
 */
final class LedgerProcess implements AutoCloseable {

  private static final Duration START = Duration.ofSeconds(240);

  final String nodeId;
  private final String jdbcUrl;
  private final String dbUser;
  private final Path dataDir;
  private final Path keyFile;
  private final int port;
  private final Path log;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  volatile boolean up;
  private Process process;

  LedgerProcess(String nodeId, String jdbcUrl, String dbUser, Path dataDir, Path keyFile)
      throws IOException {
    this.nodeId = nodeId;
    this.jdbcUrl = jdbcUrl;
    this.dbUser = dbUser;
    this.dataDir = dataDir;
    this.keyFile = keyFile;
    this.port = freePort();
    Path logs = Files.createDirectories(Path.of("target", "it-nodes"));
    this.log = logs.resolve(nodeId + ".log");
    Files.deleteIfExists(log);
  }

  String url() {
    return "http://127.0.0.1:" + port;
  }

  void start() throws IOException {
    Path jar = Path.of("target", "ledger.jar").toAbsolutePath();
    assertThat(jar).as("the application jar (mvn package)").exists();
    List<String> command =
        List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx512m",
            // a quick start on a busy 2-core machine
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-jar",
            jar.toString(),
            "--server.port=" + port,
            "--ledger.node-id=" + nodeId,
            "--ledger.data-dir=" + dataDir,
            "--ledger.log.key-file=" + keyFile,
            "--spring.datasource.url=" + jdbcUrl,
            "--spring.datasource.username=" + dbUser,
            "--spring.datasource.password=",
            "--ledger.limits.writes-per-second=0");
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("LEDGER_DB_URL");
    process = builder.start();
  }

  /** Waits until the readiness probe says the node accepts traffic. */
  void awaitReady() {
    HttpRequest readiness =
        HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
            .timeout(Duration.ofSeconds(5))
            .build();
    try {
      await()
          .atMost(START)
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .until(
              () -> {
                assertThat(process.isAlive()).as(nodeId + " stopped").isTrue();
                HttpResponse<String> r = http.send(readiness, HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200;
              });
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(nodeId + " not ready; its log ends:\n" + tail(), e);
    }
    up = true;
  }

  /** SIGKILL: no shutdown hook, no clean release of its token claims. */
  void kill() throws InterruptedException {
    up = false;
    process.destroyForcibly();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(nodeId + " died").isTrue();
    assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
  }

  private String tail() {
    try {
      String text = Files.readString(log);
      return text.length() <= 6000 ? text : text.substring(text.length() - 6000);
    } catch (IOException e) {
      return "(no log: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    up = false;
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    }
  }

  /**
   * Adds an enabled account straight into {@code ledger_account} (BCrypt, as {@code ./ledger user
   * add} stores it), for nodes that run in their own process.
   */
  static void addAccount(
      String jdbcUrl, String dbUser, String username, String password, String roles, String actor)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(jdbcUrl, dbUser, "");
        PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO ledger_account (username, password_hash, roles, actor_id, enabled,"
                    + " created_at) VALUES (?, ?, ?, ?, TRUE, ?)")) {
      p.setString(1, username);
      p.setString(2, new BCryptPasswordEncoder(10).encode(password));
      p.setString(3, roles);
      p.setString(4, actor);
      p.setTimestamp(5, Timestamp.from(Instant.now()));
      p.executeUpdate();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
