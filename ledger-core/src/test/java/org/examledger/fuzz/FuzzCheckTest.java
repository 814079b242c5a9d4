package org.examledger.fuzz;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The fuzzers' rule really fires: a crash, a silent refusal and a hang each fail the check. */
class FuzzCheckTest {

  private static final List<Class<? extends Throwable>> REFUSAL =
      List.of(IllegalArgumentException.class);

  @Test
  void check_parserReturns_passes() {
    assertThatCode(() -> Fuzz.check("p", "x", () -> 1, REFUSAL)).doesNotThrowAnyException();
  }

  @Test
  void check_documentedRefusalWithMessage_passes() {
    assertThatCode(
            () ->
                Fuzz.check(
                    "p",
                    "x",
                    () -> {
                      throw new IllegalArgumentException("bad x");
                    },
                    REFUSAL))
        .doesNotThrowAnyException();
  }

  @Test
  void check_otherException_failsNamingItAndTheInput() {
    assertThatThrownBy(
            () ->
                Fuzz.check(
                    "p",
                    new byte[] {'x'},
                    () -> {
                      throw new NullPointerException();
                    },
                    REFUSAL))
        .isInstanceOf(AssertionError.class)
        .hasMessage(
            "p crashed with java.lang.NullPointerException (expected a result or one of"
                + " [IllegalArgumentException]) for input 1 bytes \"x\", base64 eA==");
  }

  @Test
  void check_stackOverflow_fails() {
    assertThatThrownBy(() -> Fuzz.check("p", "x", FuzzCheckTest::recurse, REFUSAL))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("p crashed with java.lang.StackOverflowError");
  }

  @Test
  void check_refusalWithoutMessage_fails() {
    assertThatThrownBy(
            () ->
                Fuzz.check(
                    "p",
                    "x",
                    () -> {
                      throw new IllegalArgumentException();
                    },
                    REFUSAL))
        .isInstanceOf(AssertionError.class)
        .hasMessage("p refused without a message for input 1 chars \"x\"");
  }

  @Test
  void check_hang_failsAfterTheTimeout() {
    assertThatThrownBy(
            () ->
                Fuzz.check(
                    "p",
                    "x",
                    () -> {
                      Thread.sleep(60_000);
                      return null;
                    },
                    REFUSAL))
        .isInstanceOf(AssertionError.class)
        .hasMessage("p hung: no answer within " + Fuzz.TIMEOUT_MS + " ms for input 1 chars \"x\"");
  }

  private static int recurse() {
    return recurse() + 1;
  }
}
