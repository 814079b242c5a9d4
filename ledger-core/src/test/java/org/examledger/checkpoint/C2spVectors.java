package org.examledger.checkpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.examledger.bytes.Bytes;

/** Reads the imported c2sp-notes.txt vector file and test resources. */
final class C2spVectors {

  private C2spVectors() {}

  static Bytes resource(String path) {
    try (InputStream in = C2spVectors.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + path);
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String file() {
    return new String(
        resource("vectors/c2sp/c2sp-notes.txt").toByteArray(), StandardCharsets.UTF_8);
  }

  /** The n-th (0-based) note between BEGIN NOTE / END NOTE markers, with its final newline. */
  static String note(int n) {
    String[] parts = file().split("-----BEGIN NOTE-----\n");
    return parts[n + 1].substring(0, parts[n + 1].indexOf("-----END NOTE-----"));
  }

  /** The value of the n-th line starting with {@code key + ":"}. */
  static String field(String key, int n) {
    List<String> values = new ArrayList<>();
    for (String line : file().split("\n")) {
      if (line.startsWith(key + ":")) {
        values.add(line.substring(key.length() + 1).strip().split("\\s+")[0]);
      }
    }
    return values.get(n);
  }

  /** Section 3's example cosigned message: every line after the "Example message:" header. */
  static String cosignatureMessage() {
    String f = file();
    int start = f.indexOf("Example message:\n") + "Example message:\n".length();
    return f.substring(start);
  }
}
