package org.examledger.cli.bundle;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.examledger.cli.LedgerCli;
import org.examledger.fuzz.Fuzz;
import org.examledger.fuzz.Mutations;

/**
 * Fuzzes the evidence bundle reader and verifier, and the two commands that read bundles
 * (docs/fuzzing.md). {@link Bundle#read} returns or refuses with {@link BundleException}; {@link
 * BundleVerifier#verify} always returns a report, listing what is wrong; {@code verify-bundle} and
 * {@code replay} exit 0, 1 or 2 with a message, never "unexpected error"; all within a time bound.
 */
class BundleFuzzTest {

  private static final List<Class<? extends Throwable>> REFUSAL = List.of(BundleException.class);

  /** A valid bundle of a key registration and three session events, and its entries. */
  private static final byte[] VALID = BundleFixture.zip(3, List.of());

  private static final List<RawZip.Entry> ENTRIES = entries(VALID);

  private static final Path DIR = tempDir();

  @Property(seed = "9001", tries = 300)
  void readAndVerify_oneEntryMutated_returnsOrRefuses(@ForAll("entryMutations") byte[] zip) {
    check("bundle with a mutated entry", zip);
  }

  @Property(seed = "9002", tries = 300)
  void readAndVerify_zipBytesMutated_returnsOrRefuses(@ForAll("zipMutations") byte[] zip) {
    check("mutated bundle zip", zip);
  }

  @Property(seed = "9003", tries = 100)
  void commands_oneEntryMutated_exitWithAMessage(@ForAll("entryMutations") byte[] zip) {
    Path file = write(zip);
    Fuzz.check("ledger verify-bundle", zip, () -> command(zip, "verify-bundle", file), List.of());
    Fuzz.check("ledger replay", zip, () -> command(zip, "replay", file), List.of());
  }

  @Property(generation = GenerationMode.EXHAUSTIVE)
  void readAndVerify_hostileZip_returnsOrRefuses(@ForAll("hostileZips") byte[] zip) {
    check("hostile bundle zip", zip);
  }

  /** The fuzz rule for one bundle: read (or refuse), then verify to a report. */
  private static void check(String what, byte[] zip) {
    Path file = write(zip);
    Fuzz.check(
        what,
        zip,
        () -> {
          Bundle bundle = Bundle.read(file, SMALL_LIMITS);
          return new BundleVerifier(BundleFixture.POLICY).verify(bundle, true);
        },
        REFUSAL);
  }

  /**
   * The fuzzed inputs are small; limits of 1 MiB per entry and 4 MiB in all make a zip bomb hit
   * them in milliseconds (the defaults are tested by their declared-size check in BundleReadTest).
   */
  private static final Bundle.Limits SMALL_LIMITS = new Bundle.Limits(1 << 20, 4 << 20);

  /** Runs a command; its exit code must be 0, 1 or 2 and it must not report a crash. */
  private static Object command(byte[] zip, String command, Path file) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args =
        command.equals("verify-bundle")
            ? new String[] {
              command, file.toString(), "--log-vkey", BundleFixture.LOG.verifierKey().toString()
            }
            : new String[] {command, file.toString(), "--quiet"};
    int exit =
        LedgerCli.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String errors = err.toString(StandardCharsets.UTF_8);
    if (exit < 0 || exit > 2 || errors.contains("unexpected error")) {
      throw new AssertionError("ledger " + command + " exited " + exit + ": " + errors);
    }
    return exit;
  }

  /** Jazzer target: replays its seed corpus in the suite, fuzzes with JAZZER_FUZZ=1. */
  @FuzzTest(maxDuration = "10m")
  void bundle_jazzer(byte[] zip) {
    check("bundle zip", zip);
  }

  @Provide
  Arbitrary<byte[]> entryMutations() {
    List<byte[]> contents = ENTRIES.stream().map(RawZip.Entry::data).toList();
    return Combinators.combine(
            Arbitraries.integers().between(0, ENTRIES.size() - 1),
            Mutations.of(contents),
            Arbitraries.integers().between(0, 3))
        .as(
            (index, mutated, how) -> {
              List<RawZip.Entry> entries = new ArrayList<>(ENTRIES);
              RawZip.Entry e = entries.get(index);
              switch (how) {
                case 0, 1 -> entries.set(index, new RawZip.Entry(e.name(), mutated));
                case 2 -> entries.add(new RawZip.Entry(e.name(), mutated)); // a duplicate
                default -> entries.remove((int) index); // a missing entry
              }
              return deflated(entries);
            });
  }

  @Provide
  Arbitrary<byte[]> zipMutations() {
    return Mutations.of(List.of(VALID, RawZip.write(ENTRIES)));
  }

  @Provide
  Arbitrary<byte[]> hostileZips() {
    List<byte[]> zips = new ArrayList<>();
    byte[] manifest = ENTRIES.get(0).data();
    for (String name :
        List.of("../../etc/passwd", "/abs", "events/../x", "a\\b", "c:x", "events//1.json", ".")) {
      List<RawZip.Entry> entries = new ArrayList<>(ENTRIES);
      entries.add(new RawZip.Entry(name, new byte[] {1}));
      zips.add(RawZip.write(entries));
    }
    List<RawZip.Entry> twoManifests = new ArrayList<>(ENTRIES);
    twoManifests.add(new RawZip.Entry("manifest.json", manifest));
    zips.add(RawZip.write(twoManifests));
    List<RawZip.Entry> lying = new ArrayList<>(ENTRIES);
    lying.add(new RawZip.Entry("events/99.json", new byte[10], Integer.MAX_VALUE));
    zips.add(RawZip.write(lying));
    zips.add(bomb(1, 64 << 20)); // one entry of 64 MiB of zeros, about 64 KiB compressed
    zips.add(bomb(8, 1 << 20)); // eight entries of 1 MiB: over the total limit
    // A session event claiming sequence number 4000000000: one finding per missing number hung
    // the verifier before it reported gaps as ranges.
    zips.add(
        BundleFixture.zip(
            List.of(
                BundleFixture.keyEvent(),
                BundleFixture.sessionEvent(0),
                BundleFixture.sessionEvent(4_000_000_000L)),
            List.of()));
    zips.add(new byte[0]);
    zips.add("PK\u0003\u0004".getBytes(StandardCharsets.ISO_8859_1));
    return Arbitraries.of(zips);
  }

  private static byte[] bomb(int entries, int bytesEach) {
    List<RawZip.Entry> list = new ArrayList<>(ENTRIES.subList(0, 1));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (RawZip.Entry e : list) {
        zip.putNextEntry(new ZipEntry(e.name()));
        zip.write(e.data());
      }
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < entries; i++) {
        zip.putNextEntry(new ZipEntry("events/" + (100 + i) + ".json"));
        for (int written = 0; written < bytesEach; written += zeros.length) {
          zip.write(zeros, 0, Math.min(zeros.length, bytesEach - written));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] deflated(List<RawZip.Entry> entries) {
    boolean duplicates =
        entries.stream().map(RawZip.Entry::name).distinct().count() < entries.size();
    if (duplicates) {
      return RawZip.write(entries); // ZipOutputStream refuses to write a name twice
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (RawZip.Entry e : entries) {
        zip.putNextEntry(new ZipEntry(e.name()));
        zip.write(e.data());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static List<RawZip.Entry> entries(byte[] zip) {
    List<RawZip.Entry> entries = new ArrayList<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(new RawZip.Entry(e.getName(), in.readAllBytes()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return entries;
  }

  private static Path write(byte[] zip) {
    try {
      Path file = Files.createTempFile(DIR, "fuzz-", ".zip");
      Files.write(file, zip);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("bundle-fuzz-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterContainer
  static void removeTempFiles() throws IOException {
    try (var files = Files.list(DIR)) {
      for (Path p : files.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(DIR);
  }
}
