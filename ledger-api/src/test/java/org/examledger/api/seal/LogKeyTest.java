package org.examledger.api.seal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.secrets.SecretFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogKeyTest {

  /** A deterministic source: the test must not depend on real randomness. */
  private static SecureRandom fixedRandom() {
    return new SecureRandom() {
      @Override
      public void nextBytes(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
          bytes[i] = (byte) (i * 7 + 1);
        }
      }
    };
  }

  @Test
  void loadOrCreate_absentFile_createsOwnerOnlyEd25519Key(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("keys").resolve("log-ed25519.pem");
    Signer created = LogKey.loadOrCreate(file, fixedRandom());
    assertThat(created.publicKey().algorithm()).isEqualTo(SignatureAlgorithm.ED25519);
    assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    try (var files = Files.list(file.getParent())) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void loadOrCreate_existingFile_readsItUnchanged(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.pem");
    Signer existing = Signers.ed25519FromSeed(Bytes.fromHex("11".repeat(32)));
    Files.writeString(file, Signers.toPkcs8Pem(existing));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    Signer loaded = LogKey.loadOrCreate(file, fixedRandom());
    assertThat(loaded.publicKey()).isEqualTo(existing.publicKey());
    assertThat(Files.readString(file)).isEqualTo(Signers.toPkcs8Pem(existing));
  }

  @Test
  void loadOrCreate_sm2Key_throws(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.pem");
    Signer sm2 = Signers.generate(SignatureAlgorithm.SM2_SM3, fixedRandom(), Sm2UserId.DEFAULT);
    Files.writeString(file, Signers.toPkcs8Pem(sm2));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    assertThatThrownBy(() -> LogKey.loadOrCreate(file, fixedRandom()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "log key "
                + file
                + " is SM2_SM3: C2SP checkpoints are signed with Ed25519 (signed-note type 0x01)");
  }

  @Test
  void loadOrCreate_keyReadableByOthers_refusesNamingTheFix(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("log.pem");
    Files.writeString(
        file, Signers.toPkcs8Pem(Signers.ed25519FromSeed(Bytes.fromHex("11".repeat(32)))));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
    assertThatThrownBy(() -> LogKey.loadOrCreate(file, fixedRandom()))
        .isInstanceOf(SecretFileException.class)
        .hasMessage(
            "log key "
                + file.toAbsolutePath()
                + " has permissions rw-r--r--: group or others may read it, a secret file must"
                + " be for its owner only; fix it with: chmod 600 "
                + file.toAbsolutePath());
  }
}
