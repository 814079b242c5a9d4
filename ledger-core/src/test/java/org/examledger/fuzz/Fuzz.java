package org.examledger.fuzz;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fuzzers' one rule (docs/fuzzing.md): a parser given outside bytes either returns or throws
 * its documented refusal exception, within a time bound. Anything else (a NullPointerException, an
 * index out of bounds, a StackOverflowError, an OutOfMemoryError, a hang) is a crash and fails the
 * test with the input, so that it can be pasted into a regression test.
 *
 * <p>Each call runs on a fresh-stack daemon worker (the JVM's default thread stack, smaller than
 * the main thread's), so that deep recursion shows as it would on a server's request thread, and a
 * hang fails this call instead of blocking the suite.
 */
public final class Fuzz {

  /**
   * Generous: the slowest legitimate parse in the suite takes a few milliseconds; a busy 2-core CI
   * machine may stall a thread for a while. Override with -Dfuzz.timeout.ms.
   */
  public static final long TIMEOUT_MS = Long.getLong("fuzz.timeout.ms", 2_000);

  private static final ExecutorService WORKERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "fuzz-worker");
            t.setDaemon(true); // a hung parse must not keep the test JVM alive
            return t;
          });

  private Fuzz() {}

  /**
   * For the hostile inputs (up to a megabyte, where a parse does linear work that a cold JIT on a
   * busy machine makes slow): a hang still fails, a slow linear parse does not.
   */
  public static final long HOSTILE_TIMEOUT_MS = 5 * TIMEOUT_MS;

  /** {@link #check(String, byte[], Callable, List)} for parsers of text. */
  public static void check(
      String parser, String input, Callable<?> parse, List<Class<? extends Throwable>> refusals) {
    check(
        parser,
        input.getBytes(StandardCharsets.UTF_8),
        parse,
        refusals,
        describe(input),
        timeout(input.length()));
  }

  /** Inputs up to 64 KiB get {@link #TIMEOUT_MS}, longer ones {@link #HOSTILE_TIMEOUT_MS}. */
  private static long timeout(int length) {
    return length <= 65_536 ? TIMEOUT_MS : HOSTILE_TIMEOUT_MS;
  }

  /**
   * Runs {@code parse}; passes when it returns or throws an instance of one of {@code refusals}.
   *
   * @param parser what is fuzzed, for the failure message
   * @param input the raw input, reported on failure
   */
  public static void check(
      String parser, byte[] input, Callable<?> parse, List<Class<? extends Throwable>> refusals) {
    check(parser, input, parse, refusals, describe(input), timeout(input.length));
  }

  private static void check(
      String parser,
      byte[] input,
      Callable<?> parse,
      List<Class<? extends Throwable>> refusals,
      String shown,
      long timeoutMs) {
    Future<?> result = WORKERS.submit(parse);
    Throwable thrown;
    try {
      result.get(timeoutMs, TimeUnit.MILLISECONDS);
      return;
    } catch (TimeoutException e) {
      result.cancel(true);
      throw new AssertionError(
          parser + " hung: no answer within " + timeoutMs + " ms for input " + shown, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while fuzzing " + parser, e);
    } catch (ExecutionException e) {
      thrown = e.getCause();
    }
    for (Class<? extends Throwable> refusal : refusals) {
      if (refusal.isInstance(thrown)) {
        if (thrown.getMessage() == null || thrown.getMessage().isBlank()) {
          throw new AssertionError(
              parser + " refused without a message for input " + shown, thrown);
        }
        return;
      }
    }
    throw new AssertionError(
        parser
            + " crashed with "
            + thrown.getClass().getName()
            + " (expected a result or one of "
            + refusals.stream().map(Class::getSimpleName).toList()
            + ") for input "
            + shown,
        thrown);
  }

  /** Short enough for a report, exact enough to reproduce: a preview, the length and base64. */
  static String describe(byte[] input) {
    String preview =
        new String(input, 0, Math.min(input.length, 160), StandardCharsets.ISO_8859_1)
            .replaceAll("[^\\x20-\\x7e]", "?");
    String exact =
        input.length <= 1024
            ? "base64 " + Base64.getEncoder().encodeToString(input)
            : "SHA-256 " + sha256(input);
    return input.length
        + " bytes \""
        + preview
        + (input.length > 160 ? "..." : "")
        + "\", "
        + exact;
  }

  static String describe(String input) {
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < Math.min(input.length(), 300); i++) {
      char c = input.charAt(i);
      escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return input.length()
        + " chars \""
        + escaped
        + (input.length() > 300
            ? "...\", UTF-16 SHA-256 " + sha256(input.getBytes(StandardCharsets.UTF_16BE))
            : "\"");
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
