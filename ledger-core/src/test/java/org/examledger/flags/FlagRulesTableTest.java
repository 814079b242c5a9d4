package org.examledger.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule fires, stays quiet and (where it can) is cured, in the scenarios of {@link Scenarios}:
 * each row states every flag the whole engine returns, so a rule that fires where it should not
 * fails the other rules' rows too.
 */
class FlagRulesTableTest {

  private final FlagEngine engine = new FlagEngine(FlagThresholds.defaults());

  static Stream<Scenarios.Case> cases() {
    return Scenarios.CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void returnsExactlyTheExpectedFlags(Scenarios.Case row) {
    LedgerBuilder builder = new LedgerBuilder();
    row.scenario().accept(builder, "S1");

    List<String> found =
        engine.evaluate(builder.events()).stream().map(f -> f.ruleId() + " " + f.status()).toList();

    assertThat(found).as(found.toString()).isEqualTo(row.expected());
  }

  @Test
  void everyRuleHasARowWhereItFiresAndOneWhereItDoesNot() {
    for (String rule : FlagEngine.ruleIds()) {
      assertThat(Scenarios.CASES)
          .as(rule)
          .anyMatch(c -> c.rule().equals(rule) && c.expected().contains(rule + " RAISED"))
          .anyMatch(
              c ->
                  c.rule().equals(rule)
                      && c.expected().stream().noneMatch(e -> e.startsWith(rule)));
    }
  }

  @Test
  void theRulesThatCanBeCuredHaveACuredRow() {
    for (String rule : List.of("unsigned-change", "identity-gap")) {
      assertThat(Scenarios.CASES).as(rule).anyMatch(c -> c.expected().contains(rule + " CURED"));
    }
  }
}
