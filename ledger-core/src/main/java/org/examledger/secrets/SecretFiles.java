package org.examledger.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Pattern;
import org.examledger.bytes.Bytes;

/**
 * The one place that decides whether a secret file may be used: on a POSIX file system it must be
 * readable and writable by its owner only (no group or other bit set), as {@code ./ledger init},
 * the log and {@code keygen} create them. On a file system without POSIX permissions (Windows) the
 * check is skipped: its ACLs are the operator's to set.
 *
 * <p>A station secret file holds {@value StationSecret#MIN_BYTES} or more random bytes as lower- or
 * upper-case hex on one line (a line end after it is allowed), so that it can be copied to the
 * stations' machines and into a secret store as text.
 */
public final class SecretFiles {

  /** Owner read and write: 0600. */
  public static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private static final Set<PosixFilePermission> GROUP_OR_OTHERS =
      EnumSet.of(
          PosixFilePermission.GROUP_READ,
          PosixFilePermission.GROUP_WRITE,
          PosixFilePermission.GROUP_EXECUTE,
          PosixFilePermission.OTHERS_READ,
          PosixFilePermission.OTHERS_WRITE,
          PosixFilePermission.OTHERS_EXECUTE);

  private static final Pattern HEX_LINE = Pattern.compile("(?:[0-9a-fA-F]{2})+\\r?\\n?");

  private SecretFiles() {}

  /**
   * Refuses a secret file that group or others may read, write or execute.
   *
   * @param what how the message names the file, e.g. "log key"
   * @throws SecretFileException naming the file, its permissions and the {@code chmod} that fixes
   *     it
   */
  public static void requireOwnerOnly(Path file, String what) {
    PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
    if (view == null) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = view.readAttributes().permissions();
    } catch (NoSuchFileException e) {
      throw new SecretFileException(what + " " + file + ": no such file", e);
    } catch (IOException e) {
      throw new SecretFileException(
          what + " " + file + ": cannot read its permissions: " + e.getMessage(), e);
    }
    Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
    open.addAll(permissions);
    open.retainAll(GROUP_OR_OTHERS);
    if (!open.isEmpty()) {
      throw new SecretFileException(
          what
              + " "
              + file.toAbsolutePath()
              + " has permissions "
              + PosixFilePermissions.toString(permissions)
              + ": group or others may "
              + access(open)
              + " it, a secret file must be for its owner only; fix it with: chmod 600 "
              + file.toAbsolutePath());
    }
  }

  /** Reads a station secret file after {@link #requireOwnerOnly}. */
  public static StationSecret readStationSecret(Path file) {
    String what = "station secret file";
    requireOwnerOnly(file, what);
    String text;
    try {
      text = Files.readString(file, StandardCharsets.US_ASCII);
    } catch (NoSuchFileException e) {
      throw new SecretFileException(what + " " + file + ": no such file", e);
    } catch (AccessDeniedException e) {
      throw new SecretFileException(what + " " + file + ": permission denied", e);
    } catch (IOException e) {
      // the file's content is never part of a message; a decoding error could quote it
      throw new SecretFileException(what + " " + file + ": cannot read it", e);
    }
    if (!HEX_LINE.matcher(text).matches()) {
      throw new SecretFileException(
          what
              + " "
              + file
              + ": must hold the secret as hex digits on one line ("
              + StationSecret.MIN_BYTES * 2
              + " or more), as ./ledger init writes it");
    }
    Bytes key = Bytes.fromHex(text.strip().toLowerCase(java.util.Locale.ROOT));
    if (key.length() < StationSecret.MIN_BYTES) {
      throw new SecretFileException(
          what
              + " "
              + file
              + ": holds "
              + key.length()
              + " bytes; a station secret has at least "
              + StationSecret.MIN_BYTES);
    }
    return new StationSecret(key);
  }

  /**
   * Creates a station secret file with {@value StationSecret#MIN_BYTES} random bytes, owner-only,
   * unless the file exists.
   *
   * @return true if it was created, false if a file was already there (it is left as it is)
   */
  public static boolean createStationSecret(Path file, SecureRandom random) {
    byte[] key = new byte[StationSecret.MIN_BYTES];
    random.nextBytes(key);
    try {
      writeOwnerOnly(file, HexFormat.of().formatHex(key) + "\n");
      return true;
    } catch (SecretFileException e) {
      if (e.getCause() instanceof FileAlreadyExistsException) {
        return false;
      }
      throw e;
    } finally {
      java.util.Arrays.fill(key, (byte) 0);
    }
  }

  /**
   * Creates {@code file} (and its folders) with mode 0600 from the start, so that the content is
   * never readable by others, not even for a moment; never overwrites.
   *
   * @throws SecretFileException if the file exists (cause {@link FileAlreadyExistsException}) or
   *     cannot be written
   */
  public static void writeOwnerOnly(Path file, String content) {
    try {
      Path dir = file.toAbsolutePath().getParent();
      Files.createDirectories(dir);
      if (Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null) {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } else {
        Files.createFile(file);
      }
      Files.writeString(file, content, StandardCharsets.US_ASCII);
    } catch (FileAlreadyExistsException e) {
      throw new SecretFileException(
          "refusing to overwrite the existing secret file " + file + "; move it away first", e);
    } catch (IOException e) {
      throw new SecretFileException("cannot write the secret file " + file + ": " + e, e);
    }
  }

  private static String access(Set<PosixFilePermission> open) {
    boolean read =
        open.contains(PosixFilePermission.GROUP_READ)
            || open.contains(PosixFilePermission.OTHERS_READ);
    boolean write =
        open.contains(PosixFilePermission.GROUP_WRITE)
            || open.contains(PosixFilePermission.OTHERS_WRITE);
    if (read && write) {
      return "read and write";
    }
    return read ? "read" : write ? "write" : "execute";
  }
}
