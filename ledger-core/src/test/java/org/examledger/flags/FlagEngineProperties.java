package org.examledger.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.statistics.Statistics;

/**
 * The engine is deterministic, and sessions that share nothing do not influence each other's flags,
 * however the ledger interleaves their events.
 */
class FlagEngineProperties {

  private static final List<Scenarios.Case> SELF_CONTAINED =
      Scenarios.CASES.stream().filter(c -> !c.crossSession()).toList();

  private static final Comparator<Flag> CANONICAL =
      Comparator.comparing(Flag::ruleId)
          .thenComparing(Flag::explanation)
          .thenComparing(f -> f.eventIds().toString())
          .thenComparing(Flag::status);

  private final FlagEngine engine = new FlagEngine(FlagThresholds.defaults());

  @Property(tries = 150, seed = "7301")
  void unrelatedSessionsInAnyInterleavingGiveTheUnionOfTheirOwnFlags(
      @ForAll @Size(min = 1, max = 5) List<@IntRange(min = 0, max = 999) Integer> picks,
      @ForAll long interleavingSeed) {
    List<List<LedgerEvent>> sessions = new ArrayList<>();
    for (int i = 0; i < picks.size(); i++) {
      Scenarios.Case scenario = SELF_CONTAINED.get(picks.get(i) % SELF_CONTAINED.size());
      LedgerBuilder builder =
          new LedgerBuilder("S" + i + "-e", LedgerBuilder.T0.plus(Duration.ofDays(7L * i)));
      scenario.scenario().accept(builder, "S" + i);
      sessions.add(builder.events());
    }
    List<LedgerEvent> interleaved = interleave(sessions, new Random(interleavingSeed));
    Instant asOf =
        interleaved.stream()
            .map(LedgerEvent::receivedAt)
            .max(Comparator.naturalOrder())
            .orElseThrow();

    List<Flag> whole = engine.evaluate(interleaved, asOf);
    List<Flag> union = new ArrayList<>();
    sessions.forEach(events -> union.addAll(engine.evaluate(events, asOf)));

    assertThat(engine.evaluate(interleaved, asOf)).isEqualTo(whole);
    assertThat(engine.evaluate(List.copyOf(interleaved))).isEqualTo(whole);
    assertThat(sorted(whole)).isEqualTo(sorted(union));
  }

  @Property(tries = 60, seed = "7302")
  void flagsOfOneSessionComeInLedgerOrder(@ForAll @IntRange(min = 0, max = 999) int pick) {
    Scenarios.Case scenario = SELF_CONTAINED.get(pick % SELF_CONTAINED.size());
    LedgerBuilder builder = new LedgerBuilder();
    scenario.scenario().accept(builder, "S1");
    List<String> ids = builder.events().stream().map(LedgerEvent::eventId).toList();

    List<Flag> flags = engine.evaluate(builder.events());

    for (int i = 0; i < flags.size(); i++) {
      List<Integer> positions = flags.get(i).eventIds().stream().map(ids::indexOf).toList();
      assertThat(positions).doesNotContain(-1).isSorted();
      if (i > 0) {
        assertThat(ids.indexOf(flags.get(i - 1).eventIds().get(0)))
            .isLessThanOrEqualTo(positions.get(0));
      }
    }
  }

  @Property(tries = 80, seed = "7303")
  void anUnsignedChangeMovesOnlyFromPendingToCuredOrRaisedAndNeverVanishes(
      @ForAll @IntRange(min = 0, max = 999) int pick,
      @ForAll @Size(min = 2, max = 12) List<@IntRange(min = 0, max = 3000) Integer> minutes) {
    Scenarios.Case scenario = Scenarios.CASES.get(pick % Scenarios.CASES.size());
    LedgerBuilder builder = new LedgerBuilder();
    scenario.scenario().accept(builder, "S1");
    List<Instant> moments =
        minutes.stream().sorted().map(m -> LedgerBuilder.T0.plus(Duration.ofMinutes(m))).toList();

    Map<String, FlagStatus> last = new HashMap<>();
    for (Instant asOf : moments) {
      Map<String, FlagStatus> now = new HashMap<>();
      engine.evaluate(builder.events(), asOf).stream()
          .filter(f -> f.ruleId().equals("unsigned-change"))
          .forEach(f -> now.put(f.eventIds().get(0), f.status()));
      assertThat(now.keySet()).containsAll(last.keySet());
      last.forEach(
          (entry, before) -> {
            if (before != FlagStatus.PENDING) {
              assertThat(now.get(entry)).as(entry + " at " + asOf).isEqualTo(before);
            }
          });
      last = now;
    }
  }

  @Property(tries = 200, seed = "7304")
  void passMarkCrossingsAgreeWithANaiveRecomputationFromScratch(@ForAll long streamSeed) {
    Random random = new Random(streamSeed);
    LedgerBuilder b = new LedgerBuilder();
    b.prepared("S1", LedgerBuilder.DOUBLE_MARKED).started("S1");
    // Scores near the pass mark (60 = theory 38..44 + essay 15..22) so that crossings are common.
    int[] essay = new int[3];
    int essayMarks = 0;
    int theory = 38 + random.nextInt(7);
    b.score("S1", LedgerBuilder.CANDIDATE, "theory", LedgerBuilder.EXAMINER, theory);
    for (int step = 0; step < 20; step++) {
      int op = random.nextInt(5);
      if (op == 0 && essayMarks < 3) {
        essay[essayMarks] = 15 + random.nextInt(8);
        if (essayMarks == 0) {
          b.score("S1", LedgerBuilder.CANDIDATE, "essay", LedgerBuilder.EXAMINER, essay[0]);
        } else {
          b.mark(
              "S1",
              LedgerBuilder.CANDIDATE,
              "essay",
              essayMarks + 1,
              "m" + essayMarks,
              essay[essayMarks]);
        }
        essayMarks++;
      } else if (op == 1) {
        int to = 38 + random.nextInt(7);
        b.correct("S1", LedgerBuilder.CANDIDATE, "theory", 1, LedgerBuilder.EXAMINER, theory, to);
        theory = to;
      } else if (op == 2 && essayMarks > 0) {
        int mark = random.nextInt(essayMarks);
        int to = 15 + random.nextInt(8);
        b.correct(
            "S1",
            LedgerBuilder.CANDIDATE,
            "essay",
            mark + 1,
            LedgerBuilder.EXAMINER,
            essay[mark],
            to);
        essay[mark] = to;
      } else if (op == 3 && essayMarks >= 2) {
        b.adjudicate(
            "S1", LedgerBuilder.CANDIDATE, "essay", LedgerBuilder.CHIEF, 15 + random.nextInt(8));
      }
    }

    List<String> found =
        engine.evaluate(b.events()).stream()
            .filter(f -> f.ruleId().equals("pass-mark-crossing"))
            .map(f -> f.eventIds().get(0))
            .toList();

    assertThat(found)
        .containsExactlyElementsOf(
            NaivePassMarkCrossing.crossings(b.events(), FlagThresholds.DEFAULT_PASS_MARK_WINDOW));
    Statistics.label("crossings").collect(found.isEmpty() ? "none" : "some");
    // The comparison means little unless many streams do cross the pass mark.
    Statistics.label("crossings")
        .coverage(coverage -> coverage.check("some").percentage(p -> p > 20.0));
  }

  /** A random merge that keeps each session's own order, as a sequencer would. */
  private static List<LedgerEvent> interleave(List<List<LedgerEvent>> sessions, Random random) {
    List<LedgerEvent> merged = new ArrayList<>();
    int[] next = new int[sessions.size()];
    int remaining = sessions.stream().mapToInt(List::size).sum();
    while (remaining > 0) {
      int pick = random.nextInt(sessions.size());
      if (next[pick] < sessions.get(pick).size()) {
        merged.add(sessions.get(pick).get(next[pick]++));
        remaining--;
      }
    }
    return merged;
  }

  private static List<Flag> sorted(List<Flag> flags) {
    return flags.stream().sorted(CANONICAL).toList();
  }
}
