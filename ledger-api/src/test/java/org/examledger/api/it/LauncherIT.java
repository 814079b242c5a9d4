package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.secrets.SecretFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./ledger serve} as a user runs it: a separate process from the repository root, on the
 * embedded default, answering the health check. The jar is the one this build just packaged
 * (LEDGER_NO_BUILD keeps the launcher from starting a nested build).
 */
class LauncherIT {

  @Test
  void ledgerServeStartsTheServiceOnTheEmbeddedDefault(@TempDir Path dataDir) throws Exception {
    int port = freePort();
    Path repo = Path.of("..").toAbsolutePath().normalize();
    ProcessBuilder builder =
        new ProcessBuilder(
                repo.resolve("ledger").toString(),
                "serve",
                "--port",
                String.valueOf(port),
                "--data-dir",
                dataDir.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dataDir.resolve("serve.log").toFile());
    builder.environment().put("LEDGER_NO_BUILD", "1");
    builder.environment().remove("LEDGER_DB_URL");
    Process process = builder.start();
    try {
      HttpClient http = HttpClient.newHttpClient();
      HttpRequest health =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
              .timeout(Duration.ofSeconds(5))
              .build();
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(500))
          .ignoreExceptions()
          .untilAsserted(
              () -> {
                assertThat(process.isAlive()).as("launcher still running").isTrue();
                HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
                assertThat(r.body()).contains("\"status\":\"UP\"");
              });
      assertThat(dataDir.resolve("ledger.mv.db")).exists();
    } finally {
      process.destroy();
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    }
  }

  @Test
  void ledgerInitCreatesTheKeysAndIsSafeToRunTwice(@TempDir Path dataDir) throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path keysDir = dataDir.resolve("admin-keys");
    for (int run = 1; run <= 2; run++) {
      Path log = dataDir.resolve("init-" + run + ".log");
      ProcessBuilder builder =
          new ProcessBuilder(
                  repo.resolve("ledger").toString(),
                  "init",
                  "--keys-dir",
                  keysDir.toString(),
                  "--data-dir",
                  dataDir.toString())
              .directory(repo.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("LEDGER_NO_BUILD", "1");
      builder.environment().remove("LEDGER_DB_URL");
      Process process = builder.start();
      assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("init finished").isTrue();
      assertThat(process.exitValue()).as(java.nio.file.Files.readString(log)).isZero();
    }
    assertThat(dataDir.resolve("keys").resolve("log-ed25519.pem")).exists();
    assertThat(keysDir.resolve("admin-01-ed25519.pem")).exists();
    assertThat(java.nio.file.Files.readString(dataDir.resolve("init-2.log")))
        .contains("no second genesis");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /**
   * The examiner and auditor commands run the CLI's own jar (packaged by this build before the
   * integration tests): a missing bundle is one line and exit 2, and help is there.
   */
  @Test
  void cliCommandsRunTheCliJar(@TempDir Path dir) throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path missing = dir.resolve("missing.zip");
    ProcessBuilder verify =
        new ProcessBuilder(repo.resolve("ledger").toString(), "verify-bundle", missing.toString())
            .directory(repo.toFile())
            .redirectErrorStream(true);
    verify.environment().put("LEDGER_NO_BUILD", "1");
    Process p = verify.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isEqualTo(2);
    assertThat(out.strip()).isEqualTo("ledger verify-bundle: " + missing + ": no such file");

    ProcessBuilder help =
        new ProcessBuilder(repo.resolve("ledger").toString(), "keygen", "--help")
            .directory(repo.toFile())
            .redirectErrorStream(true);
    help.environment().put("LEDGER_NO_BUILD", "1");
    Process h = help.start();
    String text = new String(h.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(h.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(h.exitValue()).as(text).isZero();
    assertThat(text).contains("Usage: ledger keygen").contains("--password-file");
  }

  /** Stations hash on their own machines: the number goes in on stdin, the JSON comes out. */
  @Test
  void hashDocumentReadsTheNumberFromStandardInput(@TempDir Path dir) throws Exception {
    Path repo = Path.of("..").toAbsolutePath().normalize();
    Path secret = dir.resolve("station-secret");
    SecretFiles.createStationSecret(secret, new SecureRandom());
    ProcessBuilder hash =
        new ProcessBuilder(
                repo.resolve("ledger").toString(),
                "hash-document",
                "--secret-file",
                secret.toString(),
                "--type",
                "ID_CARD")
            .directory(repo.toFile());
    hash.environment().put("LEDGER_NO_BUILD", "1");
    Process p = hash.start();
    p.getOutputStream().write("110105 19491231 002X\n".getBytes(StandardCharsets.UTF_8));
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(err).isZero();
    DocumentRef expected =
        DocumentRef.keyed(
            DocumentType.ID_CARD,
            "11010519491231002X",
            SecretFiles.readStationSecret(secret).key());
    assertThat(out.strip())
        .isEqualTo(
            "{\"type\":\"ID_CARD\",\"keyedHash\":\""
                + expected.keyedHash()
                + "\",\"suffix\":\"002X\"}");
  }
}
