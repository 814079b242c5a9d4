package org.examledger.cli.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.examledger.bundle.BundleLayout;
import org.examledger.bytes.Bytes;

/**
 * A bundle's files read into memory, and its manifest. Reading checks only that the file is a zip
 * whose manifest names this format; everything else is the verifier's job, so that it can report
 * every problem rather than stop at the first.
 */
public final class Bundle {

  /** The manifest's {@code format} member: a changed layout gets a new name. */
  public static final String FORMAT = BundleLayout.FORMAT;

  public static final String MANIFEST = BundleLayout.MANIFEST;

  /**
   * What reading a bundle may hold in memory, a guard against zip bombs (docs/formats/bundle.md
   * section 1): no entry larger than {@code maxEntryBytes} uncompressed, whatever size it declares,
   * and no more than {@code maxTotalBytes} uncompressed in all.
   */
  record Limits(long maxEntryBytes, long maxTotalBytes) {

    /** 256 MiB per entry, 1 GiB in all: far above any real bundle, far below a bomb's claim. */
    static final Limits DEFAULT = new Limits(256L * 1024 * 1024, 1024L * 1024 * 1024);
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Map<String, Bytes> files;
  private final JsonNode manifest;

  Bundle(Map<String, Bytes> files, JsonNode manifest) {
    this.files = Collections.unmodifiableMap(files);
    this.manifest = manifest;
  }

  /** Every entry but the manifest, by path, in zip order. */
  public Map<String, Bytes> files() {
    return files;
  }

  public JsonNode manifest() {
    return manifest;
  }

  /**
   * Reads a bundle file.
   *
   * @throws BundleException naming the file and what is wrong with it
   */
  public static Bundle read(Path file) {
    return read(file, Limits.DEFAULT);
  }

  static Bundle read(Path file, Limits limits) {
    Map<String, Bytes> files = new LinkedHashMap<>();
    Bytes manifestBytes = null;
    long total = 0;
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (entry.isDirectory()) {
          continue;
        }
        checkName(file, entry.getName());
        Bytes content = readEntry(zip, entry, file, limits, total);
        total += content.length();
        if (entry.getName().equals(MANIFEST)) {
          if (manifestBytes != null) {
            throw new BundleException(file + ": entry " + MANIFEST + " appears twice");
          }
          manifestBytes = content;
        } else if (files.put(entry.getName(), content) != null) {
          throw new BundleException(file + ": entry " + entry.getName() + " appears twice");
        }
      }
    } catch (IllegalArgumentException e) {
      // java.util.zip decodes entry names as UTF-8 and throws this when one is not (found by
      // BundleFuzzTest's Jazzer target).
      throw new BundleException(
          file + ": an entry name or comment is not valid UTF-8 (" + e.getMessage() + ")");
    } catch (NoSuchFileException e) {
      throw new BundleException(file + ": no such file");
    } catch (ZipException e) {
      throw new BundleException(file + ": not a zip file, or truncated (" + e.getMessage() + ")");
    } catch (IOException e) {
      if (!file.toFile().exists()) {
        throw new BundleException(file + ": no such file");
      }
      throw new BundleException(file + ": cannot read: " + e.getMessage());
    }
    if (manifestBytes == null) {
      throw new BundleException(file + ": not an evidence bundle (no " + MANIFEST + ")");
    }
    JsonNode manifest;
    try {
      manifest = JSON.readTree(manifestBytes.toByteArray());
    } catch (IOException e) {
      throw new BundleException(file + ": " + MANIFEST + " is not JSON");
    }
    if (manifest == null || !manifest.isObject()) {
      throw new BundleException(file + ": " + MANIFEST + " is not a JSON object");
    }
    JsonNode format = manifest.get("format");
    if (format == null || !FORMAT.equals(format.asText())) {
      throw new BundleException(
          file
              + ": not an evidence bundle of format "
              + FORMAT
              + " (manifest format: "
              + (format == null ? "none" : format.toString())
              + ")");
    }
    for (String member : new String[] {"entries", "events", "checkpoints"}) {
      if (!manifest.path(member).isArray()) {
        throw new BundleException(file + ": " + MANIFEST + " has no \"" + member + "\" array");
      }
    }
    return new Bundle(files, manifest);
  }

  /**
   * Entry names are relative paths with '/' (section 1). Nothing is ever extracted to disk, but a
   * name that could climb out of a folder ("../", absolute, a backslash) has no business in a
   * bundle and is refused rather than carried into a report.
   */
  private static void checkName(Path file, String name) {
    boolean bad =
        name.isEmpty()
            || name.startsWith("/")
            || name.indexOf('\\') >= 0
            || name.indexOf('\0') >= 0
            || name.indexOf(':') >= 0;
    for (String segment : name.split("/", -1)) {
      bad |= segment.isEmpty() || segment.equals(".") || segment.equals("..");
    }
    if (bad) {
      throw new BundleException(
          file
              + ": entry name \""
              + name.replace("\0", "\\0")
              + "\" is not a relative path of '/'-separated names (no '..', '.', empty, absolute,"
              + " '\\' or ':' parts)");
    }
  }

  private static Bytes readEntry(
      ZipFile zip, ZipEntry entry, Path file, Limits limits, long totalSoFar) throws IOException {
    // The declared size can lie (the reading loop below counts what really comes out), but a
    // declared size over the limit is refused before anything is inflated.
    if (entry.getSize() > limits.maxEntryBytes()) {
      throw new BundleException(
          file
              + ": entry "
              + entry.getName()
              + " declares "
              + entry.getSize()
              + " bytes, more than the limit of "
              + limits.maxEntryBytes()
              + " bytes per entry");
    }
    try (InputStream in = zip.getInputStream(entry)) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[65536];
      long size = 0;
      int n;
      while ((n = in.read(buffer)) > 0) {
        size += n;
        if (size > limits.maxEntryBytes()) {
          throw new BundleException(
              file
                  + ": entry "
                  + entry.getName()
                  + " is larger than the limit of "
                  + limits.maxEntryBytes()
                  + " bytes per entry");
        }
        if (totalSoFar + size > limits.maxTotalBytes()) {
          throw new BundleException(
              file
                  + ": the entries up to "
                  + entry.getName()
                  + " hold more than the limit of "
                  + limits.maxTotalBytes()
                  + " bytes in all");
        }
        out.write(buffer, 0, n);
      }
      return Bytes.of(out.toByteArray());
    } catch (ZipException e) {
      throw new BundleException(
          file + ": entry " + entry.getName() + " is corrupt (" + e.getMessage() + ")");
    }
  }

  static String eventPath(long leafIndex) {
    return BundleLayout.eventPath(leafIndex);
  }

  static String proofPath(long leafIndex) {
    return BundleLayout.proofPath(leafIndex);
  }

  static String checkpointPath(long treeSize) {
    return BundleLayout.checkpointPath(treeSize);
  }

  static String consistencyPath(long from, long to) {
    return BundleLayout.consistencyPath(from, to);
  }

  static String keyPath(String keyId) {
    return BundleLayout.keyPath(keyId);
  }

  static final String LOG_KEY = BundleLayout.LOG_KEY;
}
