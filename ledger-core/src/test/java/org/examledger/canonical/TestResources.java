package org.examledger.canonical;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.examledger.bytes.Bytes;

/** Reads test resources as raw bytes, so vectors are compared exactly as stored. */
final class TestResources {

  private TestResources() {}

  static Bytes read(String path) {
    try (InputStream in = TestResources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + path);
      }
      return Bytes.of(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
