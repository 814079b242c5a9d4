package org.examledger.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.examledger.bytes.Bytes;

/** Reads test resources from the class path. */
final class Resources {

  private Resources() {}

  static Bytes bytes(String path) {
    try (InputStream in = Resources.class.getResourceAsStream("/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("missing test resource " + path);
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path).toByteArray(), StandardCharsets.UTF_8);
  }
}
