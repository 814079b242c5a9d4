package org.examledger.cli.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the bundle reader refuses before any verification: bombs, odd names, duplicates. */
class BundleReadTest {

  @TempDir Path dir;

  private Path file(byte[] zip) throws IOException {
    Path file = dir.resolve("b-" + System.nanoTime() + ".zip");
    Files.write(file, zip);
    return file;
  }

  private static List<RawZip.Entry> validEntries() throws IOException {
    List<RawZip.Entry> entries = new ArrayList<>();
    try (ZipInputStream in =
        new ZipInputStream(new ByteArrayInputStream(BundleFixture.zip(1, List.of())))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        entries.add(new RawZip.Entry(e.getName(), in.readAllBytes()));
      }
    }
    return entries;
  }

  private Path with(RawZip.Entry extra) throws IOException {
    List<RawZip.Entry> entries = validEntries();
    entries.add(extra);
    return file(RawZip.write(entries));
  }

  @Test
  void read_entryDeclaringMoreThanTheLimit_isRefusedBeforeInflating() throws Exception {
    Path file = with(new RawZip.Entry("events/99.json", new byte[10], Integer.MAX_VALUE));

    assertThatThrownBy(() -> Bundle.read(file))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            file
                + ": entry events/99.json declares 2147483647 bytes, more than the limit of"
                + " 268435456 bytes per entry");
  }

  @Test
  void read_entryInflatingBeyondTheLimit_isRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("events/1.json"));
      zip.write(new byte[3 << 20]); // 3 MiB of zeros, a few KiB compressed
    }
    Path file = file(declaring(out.toByteArray(), 100));

    assertThatThrownBy(() -> Bundle.read(file, new Bundle.Limits(1 << 20, 8 << 20)))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            file + ": entry events/1.json is larger than the limit of 1048576 bytes per entry");
  }

  /** The zip with every central directory entry declaring this uncompressed size: a lie. */
  private static byte[] declaring(byte[] zip, int size) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(zip).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 28 <= zip.length; i++) {
      if (b.getInt(i) == 0x02014b50) { // central file header signature (APPNOTE 4.3.12)
        b.putInt(i + 24, size); // uncompressed size
      }
    }
    return zip;
  }

  @Test
  void read_entriesBeyondTheTotalLimit_areRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (int i = 0; i < 5; i++) {
        zip.putNextEntry(new ZipEntry("events/" + i + ".json"));
        zip.write(new byte[1 << 20]);
      }
    }
    Path file = file(out.toByteArray());

    assertThatThrownBy(() -> Bundle.read(file, new Bundle.Limits(2 << 20, 4 << 20)))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            file
                + ": the entries up to events/4.json hold more than the limit of 4194304 bytes in all");
  }

  @Test
  void read_entryNameClimbingOut_isRefused() throws Exception {
    Path file = with(new RawZip.Entry("events/../../etc/passwd", new byte[] {1}));

    assertThatThrownBy(() -> Bundle.read(file))
        .isInstanceOf(BundleException.class)
        .hasMessage(
            file
                + ": entry name \"events/../../etc/passwd\" is not a relative path of"
                + " '/'-separated names (no '..', '.', empty, absolute, '\\' or ':' parts)");
  }

  @Test
  void read_absoluteEntryName_isRefused() throws Exception {
    Path file = with(new RawZip.Entry("/events/1.json", new byte[] {1}));

    assertThatThrownBy(() -> Bundle.read(file))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("entry name \"/events/1.json\" is not a relative path");
  }

  /**
   * Found by Jazzer (BundleFuzzTest#bundle_jazzer, input crash-entry-comment-not-utf8):
   * java.util.zip checks entry names when it opens a zip, but decodes entry comments only when it
   * lists the entries, and throws IllegalArgumentException for one that is not UTF-8.
   */
  @Test
  void read_entryCommentNotUtf8_isRefused() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      ZipEntry entry = new ZipEntry("log.vkey");
      entry.setComment("\u00e9");
      zip.putNextEntry(entry);
      zip.write(1);
    }
    byte[] zip = out.toByteArray();
    for (int i = 0; i + 1 < zip.length; i++) {
      if ((zip[i] & 0xff) == 0xc3 && (zip[i + 1] & 0xff) == 0xa9) {
        zip[i + 1] = '('; // C3 28: a lead byte without its continuation byte
      }
    }
    Path file = file(zip);

    assertThatThrownBy(() -> Bundle.read(file))
        .isInstanceOf(BundleException.class)
        .hasMessageStartingWith(
            file + ": an entry name or comment is not valid UTF-8 (malformed input off : ");
  }

  @Test
  void read_secondManifest_isRefused() throws Exception {
    List<RawZip.Entry> entries = validEntries();
    Path file = with(new RawZip.Entry(Bundle.MANIFEST, entries.get(0).data()));

    assertThatThrownBy(() -> Bundle.read(file))
        .isInstanceOf(BundleException.class)
        .hasMessage(file + ": entry manifest.json appears twice");
  }

  @Test
  void read_validBundle_readsEveryEntry() throws Exception {
    Bundle bundle = Bundle.read(file(BundleFixture.zip(1, List.of())));

    assertThat(bundle.files().keySet())
        .containsExactlyInAnyOrder(
            "log.vkey",
            "checkpoints/2.note",
            "events/0.json",
            "proofs/0.tlog-proof",
            "events/1.json",
            "proofs/1.tlog-proof");
  }

  /** Found by reading the verifier for the fuzzers: one finding per missing number hung it. */
  @Test
  void verify_sequenceNumberFourBillion_reportsOneGapQuickly() throws Exception {
    Path file =
        file(
            BundleFixture.zip(
                List.of(
                    BundleFixture.keyEvent(),
                    BundleFixture.sessionEvent(0),
                    BundleFixture.sessionEvent(4_000_000_000L)),
                List.of()));

    BundleReport report =
        assertTimeoutPreemptively(
            Duration.ofSeconds(10),
            () -> new BundleVerifier(BundleFixture.POLICY).verify(Bundle.read(file), true));

    assertThat(report.findings())
        .extracting(Finding::line)
        .containsExactly(
            "event-missing: session S-1: sequence numbers 1..3999999999 are missing (3999999999"
                + " events; the bundle has sequence numbers 0..4000000000)");
  }
}
