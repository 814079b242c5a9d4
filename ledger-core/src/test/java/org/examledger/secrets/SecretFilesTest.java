package org.examledger.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {

  private static final String HEX64 =
      "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

  @TempDir Path dir;

  @BeforeEach
  void posixOnly() {
    assumeTrue(
        Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null,
        "owner-only permissions are checked on POSIX file systems only");
  }

  private Path file(String name, String content, String permissions) throws Exception {
    Path f = dir.resolve(name);
    Files.writeString(f, content);
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(permissions));
    return f;
  }

  @Test
  void requireOwnerOnly_0644_refusesNamingFilePermissionsAndChmod() throws Exception {
    Path key = file("log-ed25519.pem", "key", "rw-r--r--");
    assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(key, "log key"))
        .isInstanceOf(SecretFileException.class)
        .hasMessage(
            "log key "
                + key.toAbsolutePath()
                + " has permissions rw-r--r--: group or others may read it, a secret file must"
                + " be for its owner only; fix it with: chmod 600 "
                + key.toAbsolutePath());
  }

  @Test
  void requireOwnerOnly_groupWritable_refuses() throws Exception {
    Path key = file("k", "key", "rw--w----");
    assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(key, "log key"))
        .hasMessageContaining("has permissions rw--w----: group or others may write it");
  }

  @Test
  void requireOwnerOnly_othersReadAndWrite_refuses() throws Exception {
    Path key = file("k", "key", "rw----rw-");
    assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(key, "station secret file"))
        .hasMessageStartingWith("station secret file ")
        .hasMessageContaining("group or others may read and write it");
  }

  @Test
  void requireOwnerOnly_0600and0400_accepted() throws Exception {
    assertThatCode(() -> SecretFiles.requireOwnerOnly(file("a", "k", "rw-------"), "log key"))
        .doesNotThrowAnyException();
    assertThatCode(() -> SecretFiles.requireOwnerOnly(file("b", "k", "r--------"), "log key"))
        .doesNotThrowAnyException();
  }

  @Test
  void requireOwnerOnly_missingFile_refuses() {
    Path missing = dir.resolve("nope");
    assertThatThrownBy(() -> SecretFiles.requireOwnerOnly(missing, "log key"))
        .hasMessage("log key " + missing + ": no such file");
  }

  @Test
  void createStationSecret_absent_writes32RandomBytesOwnerOnly() throws Exception {
    Path f = dir.resolve("keys").resolve("station-secret");
    assertThat(SecretFiles.createStationSecret(f, new SecureRandom())).isTrue();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
        .isEqualTo("rw-------");
    assertThat(Files.readString(f)).matches("[0-9a-f]{64}\n");
    assertThat(SecretFiles.readStationSecret(f).key().length()).isEqualTo(32);
  }

  @Test
  void createStationSecret_present_leavesItAlone() throws Exception {
    Path f = file("station-secret", HEX64 + "\n", "rw-------");
    assertThat(SecretFiles.createStationSecret(f, new SecureRandom())).isFalse();
    assertThat(Files.readString(f)).isEqualTo(HEX64 + "\n");
  }

  @Test
  void readStationSecret_hexLine_isTheKey() throws Exception {
    Path f = file("s", HEX64.toUpperCase(java.util.Locale.ROOT) + "\r\n", "rw-------");
    assertThat(SecretFiles.readStationSecret(f).key().hex()).isEqualTo(HEX64);
  }

  @Test
  void readStationSecret_groupReadable_refused() throws Exception {
    Path f = file("s", HEX64, "rw-r-----");
    assertThatThrownBy(() -> SecretFiles.readStationSecret(f))
        .isInstanceOf(SecretFileException.class)
        .hasMessageContaining("chmod 600");
  }

  @Test
  void readStationSecret_tooShort_refusedWithoutQuotingIt() throws Exception {
    Path f = file("s", "00112233", "rw-------");
    assertThatThrownBy(() -> SecretFiles.readStationSecret(f))
        .hasMessage(
            "station secret file " + f + ": holds 4 bytes; a station secret has at least 32")
        .message()
        .doesNotContain("00112233");
  }

  @Test
  void readStationSecret_notHex_refusedWithoutQuotingIt() throws Exception {
    Path f = file("s", "correct horse battery staple", "rw-------");
    assertThatThrownBy(() -> SecretFiles.readStationSecret(f))
        .hasMessage(
            "station secret file "
                + f
                + ": must hold the secret as hex digits on one line (64 or more), as ./ledger init"
                + " writes it");
  }

  @Test
  void stationSecret_toString_hidesTheKey() {
    StationSecret secret = new StationSecret(org.examledger.bytes.Bytes.fromHex(HEX64));
    assertThat(secret.toString()).isEqualTo("StationSecret[32 bytes, not shown]");
  }

  @Test
  void writeOwnerOnly_existingFile_refusesToOverwrite() throws Exception {
    Path f = file("s", "old", "rw-------");
    assertThatThrownBy(() -> SecretFiles.writeOwnerOnly(f, "new"))
        .hasMessage("refusing to overwrite the existing secret file " + f + "; move it away first");
    assertThat(Files.readString(f)).isEqualTo("old");
  }
}
