package org.examledger.api.seal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.examledger.crypto.SignatureAlgorithm;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;
import org.examledger.secrets.SecretFiles;

/**
 * The log's checkpoint-signing key in its file: an unencrypted Ed25519 PKCS#8 PEM block (the format
 * {@code ./ledger init} writes too). Created on first start if absent, readable by the owner only;
 * an existing file that group or others may read or write is refused ({@link
 * SecretFiles#requireOwnerOnly}), so the service does not start with a key anyone could copy.
 */
final class LogKey {

  private LogKey() {}

  /** Reads the key, or creates it atomically (another node may race to create the same file). */
  static Signer loadOrCreate(Path file, SecureRandom random) {
    try {
      if (!Files.exists(file)) {
        create(file, random);
      }
      SecretFiles.requireOwnerOnly(file, "log key");
      // SM2 arguments only so that an SM2 file is read and refused by name below
      Signer signer = Signers.fromPkcs8Pem(Files.readString(file), Sm2UserId.DEFAULT, random);
      if (signer.publicKey().algorithm() != SignatureAlgorithm.ED25519) {
        throw new IllegalStateException(
            "log key "
                + file
                + " is "
                + signer.publicKey().algorithm()
                + ": C2SP checkpoints are signed with Ed25519 (signed-note type 0x01)");
      }
      return signer;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the log key " + file, e);
    }
  }

  private static void create(Path file, SecureRandom random) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Signer signer = Signers.generate(SignatureAlgorithm.ED25519, random, null);
    Path temp = Files.createTempFile(dir, ".log-key", ".tmp");
    try {
      if (Files.getFileAttributeView(temp, PosixFileAttributeView.class) != null) {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      }
      Files.writeString(temp, Signers.toPkcs8Pem(signer), StandardCharsets.US_ASCII);
      // A hard link fails if the name exists: whoever links first wins, the loser reads theirs.
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException e) {
      // another node created it between our check and our link
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
