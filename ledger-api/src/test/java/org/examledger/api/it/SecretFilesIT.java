package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Signers;
import org.examledger.secrets.SecretFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The service refuses to start beside a secret file that group or others may read (issue 9,
 * "Secrets"), on the embedded default with its own data folder, and says how to fix it.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretFilesIT {

  private static final String STATION_SECRET =
      "4f1c9a2be07d3356a81fe2c4d9b06a7735e8c1f04b9d2a6e7f3c58b1a0d4e692\n";

  private static Path write(Path file, String content, String permissions) throws Exception {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
    return file;
  }

  private static String logKeyPem() {
    return Signers.toPkcs8Pem(Signers.ed25519FromSeed(Bytes.fromHex("42".repeat(32))));
  }

  private static Throwable rootCause(Throwable t) {
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  @Test
  void logKeyReadableByOthersStopsTheStartNamingFileAndChmod(
      @TempDir Path dataDir, CapturedOutput output) throws Exception {
    String pem = logKeyPem();
    Path key = write(dataDir.resolve("keys").resolve("log-ed25519.pem"), pem, "rw-r--r--");
    String expected =
        "log key "
            + key.toAbsolutePath()
            + " has permissions rw-r--r--: group or others may read it, a secret file must be for"
            + " its owner only; fix it with: chmod 600 "
            + key.toAbsolutePath();

    assertThatThrownBy(() -> LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString())))
        .satisfies(
            e ->
                assertThat(rootCause(e))
                    .isInstanceOf(SecretFileException.class)
                    .hasMessage(expected));
    assertThat(output.getAll())
        .contains("APPLICATION FAILED TO START")
        .contains("The ledger refuses to start: " + expected);
    // the key is refused, never printed
    String base64Line = pem.lines().skip(1).findFirst().orElseThrow();
    assertThat(output.getAll()).doesNotContain(base64Line);
    assertThat(Files.readString(key)).isEqualTo(pem);
  }

  @Test
  void stationSecretReadableByGroupStopsTheStart(@TempDir Path dataDir, CapturedOutput output)
      throws Exception {
    write(dataDir.resolve("keys").resolve("log-ed25519.pem"), logKeyPem(), "rw-------");
    Path secret =
        write(dataDir.resolve("elsewhere").resolve("secret"), STATION_SECRET, "rw-r-----");

    assertThatThrownBy(
            () ->
                LedgerNode.start(
                    Map.of(
                        "ledger.data-dir",
                        dataDir.toString(),
                        "ledger.security.station-secret-file",
                        secret.toString())))
        .satisfies(
            e ->
                assertThat(rootCause(e))
                    .isInstanceOf(SecretFileException.class)
                    .hasMessageStartingWith("station secret file " + secret.toAbsolutePath())
                    .hasMessageEndingWith("chmod 600 " + secret.toAbsolutePath()));
    assertThat(output.getAll()).doesNotContain(STATION_SECRET.strip());
  }

  @Test
  void ownerOnlyLogKeyAndStationSecretStart(@TempDir Path dataDir, CapturedOutput output)
      throws Exception {
    write(dataDir.resolve("keys").resolve("log-ed25519.pem"), logKeyPem(), "rw-------");
    Path secret =
        write(dataDir.resolve("keys").resolve("station-secret"), STATION_SECRET, "rw-------");
    try (LedgerNode node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()))) {
      assertThat(node.get("/actuator/health").status()).isEqualTo(200);
    }
    assertThat(output.getAll())
        .contains("station secret file " + secret.toAbsolutePath() + " is owner-only")
        .doesNotContain(STATION_SECRET.strip());
    assertThat(Files.readString(secret)).isEqualTo(STATION_SECRET);
  }
}
