package org.examledger.api.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of the test's own, made with Debian's {@code pg_createcluster} on a free port
 * (trust authentication, user postgres), so that a test can stop and start a real server without
 * touching the shared one on 5432 that other tests use. Needs root (the server then runs as the
 * postgres user). {@link #close} drops the cluster, data and configuration included.
 */
final class ThrowawayPostgres implements AutoCloseable {

  private static final Duration LIMIT = Duration.ofSeconds(90);

  private final String version;
  private final String name;
  private final int port;

  private ThrowawayPostgres(String version, String name, int port) {
    this.version = version;
    this.name = name;
    this.port = port;
  }

  /** Creates and starts the cluster {@code <prefix>_<pid>} on a free port. */
  static ThrowawayPostgres create(String prefix) throws IOException, InterruptedException {
    String version = installedVersion();
    String name = prefix + "_" + ProcessHandle.current().pid();
    // a cluster left by an earlier run that was killed
    if (Files.isDirectory(Path.of("/etc/postgresql", version, name))) {
      run("pg_dropcluster", "--stop", version, name);
    }
    int port = freePort();
    run(
        "pg_createcluster",
        version,
        name,
        "-p",
        String.valueOf(port),
        "--start",
        "--",
        "--auth=trust");
    return new ThrowawayPostgres(version, name, port);
  }

  /** The newest PostgreSQL server installed (/usr/lib/postgresql/&lt;version&gt;). */
  private static String installedVersion() throws IOException {
    try (Stream<Path> versions = Files.list(Path.of("/usr/lib/postgresql"))) {
      return versions
          .map(p -> p.getFileName().toString())
          .filter(v -> v.matches("[0-9]+"))
          .max(Comparator.comparingInt(Integer::parseInt))
          .orElseThrow(() -> new IllegalStateException("no PostgreSQL under /usr/lib/postgresql"));
    }
  }

  /** Creates database {@code db} and returns its JDBC URL. */
  String createDatabase(String db) throws SQLException {
    try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
        Statement s = c.createStatement()) {
      s.execute("CREATE DATABASE " + db);
    }
    return url(db);
  }

  String url(String db) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + db;
  }

  /** Stops the server (fast: open sessions are terminated, as in a real restart). */
  void stop() throws IOException, InterruptedException {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "stop", "-m", "fast");
  }

  void start() throws IOException, InterruptedException {
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, name, "start");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    run("pg_dropcluster", "--stop", version, name);
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Path out = Files.createTempFile("pg-cluster-", ".log");
    try {
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(out.toFile())
              .start();
      if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(String.join(" ", command) + " did not finish in " + LIMIT);
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command)
                + " failed with exit code "
                + process.exitValue()
                + " (this test needs root and Debian's postgresql-common): "
                + Files.readString(out, StandardCharsets.UTF_8));
      }
    } finally {
      Files.deleteIfExists(out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
