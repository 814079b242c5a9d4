package org.examledger.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The valid (and known-invalid) test files the fuzzers mutate, read from test resources. */
public final class Samples {

  private Samples() {}

  /** One resource's bytes. */
  public static byte[] file(String resource) {
    try (InputStream in = Samples.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every file in a resource folder whose name ends with {@code suffix}, sorted by name. */
  public static List<byte[]> folder(String resourceFolder, String suffix) {
    URL url = Samples.class.getResource(resourceFolder);
    if (url == null) {
      throw new IllegalStateException("missing test resource folder " + resourceFolder);
    }
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      List<byte[]> out = new ArrayList<>();
      for (Path p : files.filter(p -> p.toString().endsWith(suffix)).sorted().toList()) {
        out.add(Files.readAllBytes(p));
      }
      if (out.isEmpty()) {
        throw new IllegalStateException("no " + suffix + " files in " + resourceFolder);
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Several folders' files together. */
  @SafeVarargs
  public static List<byte[]> all(List<byte[]>... lists) {
    List<byte[]> out = new ArrayList<>();
    for (List<byte[]> l : lists) {
      out.addAll(l);
    }
    return out;
  }
}
