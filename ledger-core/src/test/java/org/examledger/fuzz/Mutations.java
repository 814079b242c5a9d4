package org.examledger.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Inputs for the fuzzers: valid samples with a few random edits (the edits a fuzzer's mutator
 * makes: flipped bits, interesting bytes, deleted, duplicated and spliced ranges, truncation,
 * inserted tokens), and hostile inputs made on purpose (deep nesting, huge numbers, long strings).
 * Mutating valid samples reaches the checks deep inside a parser that random bytes never pass.
 */
public final class Mutations {

  /** Tokens that mean something to one of the parsers: JSON, signed notes, base64, PEM. */
  private static final List<String> TOKENS =
      List.of(
          "[",
          "]",
          "{",
          "}",
          "\"",
          "\\",
          "\\u",
          "\\ud800",
          "\\udc00",
          ",",
          ":",
          "\"a\":1,",
          "null",
          "true",
          "-",
          "-0",
          "0",
          "1e400",
          "1e-400",
          "9007199254740993",
          "1.5e308",
          "0.0000001",
          "NaN",
          "Infinity",
          "\n",
          "\n\n",
          "\r\n",
          "\u2014 ",
          " ",
          "+",
          "=",
          "==",
          "/",
          "_",
          "\u0000",
          "\u00e9",
          "\ud83d\ude00",
          "-----BEGIN ",
          "-----END ",
          "-----",
          "PUBLIC KEY",
          "PRIVATE KEY",
          "index ",
          "extra ",
          "c2sp.org/tlog-proof@v1",
          "18446744073709551616",
          "9223372036854775807",
          "9223372036854775808");

  private static final byte[] INTERESTING_BYTES = {
    0x00,
    (byte) 0xff,
    0x7f,
    (byte) 0x80,
    '"',
    '\\',
    '{',
    '[',
    ',',
    ':',
    '\n',
    '+',
    ' ',
    '-',
    '0',
    '9',
    'e',
    (byte) 0xc0,
    (byte) 0xed,
    (byte) 0xef,
    (byte) 0xe2,
    0x30,
    0x02,
    0x04,
    0x05
  };

  private Mutations() {}

  /** Samples with 1 to 4 random edits; a fixed jqwik seed gives the same inputs every run. */
  public static Arbitrary<byte[]> of(List<byte[]> samples) {
    if (samples.isEmpty()) {
      throw new IllegalArgumentException("no samples to mutate");
    }
    return Combinators.combine(
            Arbitraries.integers().between(0, samples.size() - 1), Arbitraries.longs())
        .as((i, seed) -> mutate(samples.get(i), samples, new Random(seed)));
  }

  /** {@link #of} for text parsers: mutated bytes read as UTF-8 (bad bytes become U+FFFD). */
  public static Arbitrary<String> textOf(List<byte[]> samples) {
    return Arbitraries.oneOf(
        of(samples).map(b -> new String(b, StandardCharsets.UTF_8)),
        // Strings with unpaired surrogates, which no UTF-8 decoder produces.
        of(samples).map(b -> new String(b, StandardCharsets.UTF_8) + "\ud800"),
        Arbitraries.strings().all().ofMaxLength(64));
  }

  /** Arbitrary bytes, short and long. */
  public static Arbitrary<byte[]> randomBytes() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(512);
  }

  /**
   * Inputs made to hurt: 100000 nested arrays and objects, a number of a million digits, huge
   * exponents, a long string, many lines; each alone and wrapped around a sample's prefix.
   */
  public static List<String> hostileTexts() {
    List<String> texts = new ArrayList<>();
    texts.add("[".repeat(100_000));
    texts.add("[".repeat(100_000) + "]".repeat(100_000));
    texts.add("{\"a\":".repeat(100_000));
    texts.add("{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000));
    texts.add("[".repeat(513) + "]".repeat(513));
    texts.add("[".repeat(512) + "]".repeat(512));
    texts.add("[".repeat(511) + "]".repeat(511));
    texts.add("1" + "0".repeat(1_000_000));
    texts.add("0." + "0".repeat(1_000_000) + "1");
    texts.add("1e" + "9".repeat(100_000));
    texts.add("-1e-" + "9".repeat(100_000));
    texts.add("\"" + "a".repeat(1_000_000) + "\"");
    texts.add("\"" + "\\u0041".repeat(200_000) + "\"");
    texts.add("[" + "1,".repeat(200_000) + "1]");
    texts.add("{" + "\"a\":1,".repeat(10_000) + "\"a\":1}");
    texts.add("\n".repeat(200_000));
    texts.add("\u2014 a AAAA\n".repeat(50_000));
    texts.add("a\n\n" + "\u2014 a AAAAAQ==\n".repeat(200));
    texts.add("c2sp.org/tlog-proof@v1\nindex 0\n" + "A".repeat(1_000_000) + "\n\n");
    texts.add(
        "-----BEGIN PUBLIC KEY-----\n" + "A".repeat(1_000_000) + "\n-----END PUBLIC KEY-----\n");
    texts.add("");
    return texts;
  }

  static byte[] mutate(byte[] sample, List<byte[]> samples, Random random) {
    byte[] data = sample.clone();
    int edits = 1 + random.nextInt(4);
    for (int e = 0; e < edits; e++) {
      data = edit(data, samples, random);
    }
    return data;
  }

  private static byte[] edit(byte[] data, List<byte[]> samples, Random random) {
    int n = data.length;
    switch (random.nextInt(9)) {
      case 0: // flip one bit
        if (n > 0) {
          data[random.nextInt(n)] ^= (byte) (1 << random.nextInt(8));
        }
        return data;
      case 1: // an interesting byte
        if (n > 0) {
          data[random.nextInt(n)] = INTERESTING_BYTES[random.nextInt(INTERESTING_BYTES.length)];
        }
        return data;
      case 2: // delete a range
        {
          int from = random.nextInt(n + 1);
          int to = Math.min(n, from + 1 + random.nextInt(16));
          return concat(slice(data, 0, from), slice(data, to, n));
        }
      case 3: // duplicate a range (duplicate members, lines, signatures)
        {
          int from = random.nextInt(n + 1);
          int to = Math.min(n, from + random.nextInt(Math.max(1, n / 2) + 1));
          return concat(slice(data, 0, to), slice(data, from, n));
        }
      case 4: // truncate
        return slice(data, 0, random.nextInt(n + 1));
      case 5: // splice with another sample
        {
          byte[] other = samples.get(random.nextInt(samples.size()));
          return concat(
              slice(data, 0, random.nextInt(n + 1)),
              slice(other, random.nextInt(other.length + 1), other.length));
        }
      case 6: // insert a token
      case 7:
        {
          int at = random.nextInt(n + 1);
          byte[] token = TOKENS.get(random.nextInt(TOKENS.size())).getBytes(StandardCharsets.UTF_8);
          return concat(concat(slice(data, 0, at), token), slice(data, at, n));
        }
      default: // a run of one byte: long digits, deep nesting, long names
        {
          int at = random.nextInt(n + 1);
          byte b = n > 0 ? data[random.nextInt(n)] : (byte) '[';
          byte[] run = new byte[1 + random.nextInt(random.nextInt(8) == 0 ? 5000 : 64)];
          java.util.Arrays.fill(run, b);
          return concat(concat(slice(data, 0, at), run), slice(data, at, n));
        }
    }
  }

  private static byte[] slice(byte[] data, int from, int to) {
    return java.util.Arrays.copyOfRange(data, from, to);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(a.length + b.length);
    out.writeBytes(a);
    out.writeBytes(b);
    return out.toByteArray();
  }
}
