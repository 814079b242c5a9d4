package org.examledger.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import org.examledger.crypto.KeyFormatException;
import org.examledger.crypto.Signer;
import org.examledger.crypto.Signers;
import org.examledger.crypto.Sm2UserId;

/** Reading input files and writing output files with one-line errors that name the file. */
final class CliFiles {

  private static final String ENCRYPTED = "-----BEGIN ENCRYPTED PRIVATE KEY-----";

  private CliFiles() {}

  static byte[] read(Path file, String what) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw CliException.usage(what + " " + file + ": no such file");
    } catch (AccessDeniedException e) {
      throw CliException.usage(what + " " + file + ": permission denied");
    } catch (IOException e) {
      throw CliException.usage(what + " " + file + ": cannot read: " + e.getMessage());
    }
  }

  static String readText(Path file, String what) {
    return new String(read(file, what), StandardCharsets.UTF_8);
  }

  /** The first line of a password file, without its line end; an empty password is refused. */
  static char[] password(Path file) {
    String text = readText(file, "password file");
    int end = text.indexOf('\n');
    String line = end < 0 ? text : text.substring(0, end);
    if (line.endsWith("\r")) {
      line = line.substring(0, line.length() - 1);
    }
    if (line.isEmpty()) {
      throw CliException.usage(
          "password file " + file + ": the first line (the password) is empty");
    }
    return line.toCharArray();
  }

  /**
   * A private key file as {@code keygen} or {@code ./ledger init} writes it: PKCS#8 PEM, encrypted
   * when a password file is given.
   */
  static Signer privateKey(Path file, Path passwordFile) {
    String pem = readText(file, "key file");
    boolean encrypted = pem.strip().startsWith(ENCRYPTED);
    try {
      if (encrypted) {
        if (passwordFile == null) {
          throw CliException.usage(
              "key file " + file + " is password-protected: give --password-file");
        }
        char[] password = password(passwordFile);
        try {
          return Signers.fromEncryptedPkcs8Pem(
              pem, password, Sm2UserId.DEFAULT, new SecureRandom());
        } finally {
          Arrays.fill(password, '\0');
        }
      }
      return Signers.fromPkcs8Pem(pem, Sm2UserId.DEFAULT, new SecureRandom());
    } catch (KeyFormatException e) {
      throw CliException.usage("key file " + file + ": " + e.getMessage());
    }
  }

  /** Creates {@code file} readable and writable by its owner only; refuses to overwrite. */
  static void writeOwnerOnly(Path file, String content) {
    try {
      if (Files.getFileAttributeView(
              absoluteParent(file), java.nio.file.attribute.PosixFileAttributeView.class)
          != null) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
      Files.writeString(
          file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    } catch (FileAlreadyExistsException e) {
      throw CliException.usage(file + " exists; refusing to overwrite it");
    } catch (NoSuchFileException e) {
      throw CliException.usage("cannot create " + file + ": no such directory");
    } catch (IOException e) {
      throw CliException.usage("cannot write " + file + ": " + e.getMessage());
    }
  }

  /** Writes a new file (or replaces one the user named as output). */
  static void write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (NoSuchFileException e) {
      throw CliException.usage("cannot create " + file + ": no such directory");
    } catch (IOException e) {
      throw CliException.usage("cannot write " + file + ": " + e.getMessage());
    }
  }

  private static Path absoluteParent(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath() : parent;
  }
}
