package org.examledger.projections.scores;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.examledger.exam.CandidateRegisteredEvent;
import org.examledger.exam.CorrectionReason;
import org.examledger.exam.Eligibility;
import org.examledger.exam.ExamType;
import org.examledger.exam.IndependentMarkRecordedEvent;
import org.examledger.exam.Provenance;
import org.examledger.exam.ResultSheetLockedEvent;
import org.examledger.exam.ResultSheetPublishedEvent;
import org.examledger.exam.ResultSheetReopenedEvent;
import org.examledger.exam.ResultSheetSubmittedEvent;
import org.examledger.exam.ScoreAdjudicatedEvent;
import org.examledger.exam.ScoreComponent;
import org.examledger.exam.ScoreCorrectedEvent;
import org.examledger.exam.ScoreCountersignedEvent;
import org.examledger.exam.ScoreRecordedEvent;
import org.examledger.exam.SessionScheduledEvent;
import org.examledger.sheets.ResultSheetFold;
import org.examledger.sheets.ResultSheetView;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The in-memory fold and the JDBC projection give the same sheets for the same events: random
 * streams of result-sheet events (marks, double marks, corrections, countersignatures of unsigned
 * entries, adjudications, sheet status changes), reproducible from the seed.
 */
class ResultSheetFoldProperties {

  private static final Instant T0 = Instant.parse("2026-06-01T01:00:00Z");
  private static final String SESSION = "S-1";

  private record Stored(String id, Object event) {}

  @Property(tries = 25, seed = "8785")
  void foldEqualsTheJdbcProjection(
      @ForAll @IntRange(min = 1, max = 6) int candidates,
      @ForAll @IntRange(min = 0, max = 80) int steps,
      @ForAll long streamSeed) {
    List<Stored> events = stream(candidates, steps, new Random(streamSeed));

    ResultSheetProjection projection = projection();
    ResultSheetFold fold = new ResultSheetFold();
    for (Stored s : events) {
      feed(projection, s);
      fold.apply(s.id(), s.event());
    }

    assertThat(fold.sheets()).hasSize(candidates);
    for (ResultSheetView folded : fold.sheets()) {
      assertThat(folded)
          .isEqualTo(
              projection
                  .handle(new FindResultSheetQuery(SESSION, folded.candidateId()))
                  .orElseThrow());
    }
  }

  /** A valid stream: what the aggregate would have allowed. */
  private static List<Stored> stream(int candidates, int steps, Random random) {
    List<Stored> out = new ArrayList<>();
    int[] ids = {0};
    java.util.function.Consumer<Object> add = e -> out.add(new Stored("e-" + ++ids[0], e));
    add.accept(
        new SessionScheduledEvent(
            SESSION,
            "CNC lathe operator",
            4,
            ExamType.REGULAR,
            new BigDecimal("60"),
            List.of(
                ScoreComponent.singleMarked("theory", "Theory", new BigDecimal("40")),
                new ScoreComponent(
                    "practical", "Practical", new BigDecimal("60"), new BigDecimal("5"))),
            List.of("R1"),
            T0,
            T0.plusSeconds(3600),
            by("admin-01", true)));
    // per candidate and component: the current entry of each mark (event id, signed)
    List<List<List<String[]>>> entries = new ArrayList<>();
    boolean[] adjudicated = new boolean[candidates];
    for (int c = 0; c < candidates; c++) {
      add.accept(
          new CandidateRegisteredEvent(
              SESSION,
              "C-" + c,
              "R1",
              new Eligibility("level 3", "240 h"),
              List.of(),
              by("admin-01", true)));
      entries.add(List.of(new ArrayList<>(), new ArrayList<>()));
    }
    String[] components = {"theory", "practical"};
    for (int i = 0; i < steps; i++) {
      int c = random.nextInt(candidates);
      String candidate = "C-" + c;
      int k = random.nextInt(2);
      String component = components[k];
      List<String[]> marks = entries.get(c).get(k);
      boolean signed = random.nextBoolean();
      BigDecimal score = BigDecimal.valueOf(random.nextInt(k == 0 ? 81 : 121), 1);
      switch (random.nextInt(6)) {
        case 0, 1 -> {
          if (marks.isEmpty()) {
            add.accept(
                new ScoreRecordedEvent(
                    SESSION, candidate, component, score, by("examiner-1", signed)));
            marks.add(new String[] {"e-" + ids[0], Boolean.toString(signed)});
          } else if (k == 1 && marks.size() < 3) {
            add.accept(
                new IndependentMarkRecordedEvent(
                    SESSION,
                    candidate,
                    component,
                    marks.size() + 1,
                    score,
                    by("examiner-" + (marks.size() + 1), signed)));
            marks.add(new String[] {"e-" + ids[0], Boolean.toString(signed)});
          }
        }
        case 2 -> {
          if (!marks.isEmpty()) {
            int mark = 1 + random.nextInt(marks.size());
            add.accept(
                new ScoreCorrectedEvent(
                    SESSION,
                    candidate,
                    component,
                    mark,
                    BigDecimal.ONE,
                    score,
                    CorrectionReason.MARKING_ERROR,
                    null,
                    by("examiner-" + mark, signed)));
            marks.set(mark - 1, new String[] {"e-" + ids[0], Boolean.toString(signed)});
          }
        }
        case 3 -> {
          for (String[] entry : marks) {
            if (entry[1].equals("false")) {
              add.accept(
                  new ScoreCountersignedEvent(
                      SESSION, entry[0], candidate, component, score, by("examiner-1", true)));
              entry[1] = "true";
              break;
            }
          }
        }
        case 4 -> {
          if (k == 1 && marks.size() == 2 && !adjudicated[c]) {
            add.accept(
                new ScoreAdjudicatedEvent(
                    SESSION, candidate, component, score, "re-measured", by("chief-01", true)));
            adjudicated[c] = true;
          }
        }
        default -> {
          Provenance p = by("admin-01", true);
          add.accept(
              switch (random.nextInt(4)) {
                case 0 -> new ResultSheetSubmittedEvent(SESSION, candidate, score, null, false, p);
                case 1 -> new ResultSheetLockedEvent(SESSION, candidate, p);
                case 2 -> new ResultSheetReopenedEvent(SESSION, candidate, "why", "chief-01", p);
                default -> new ResultSheetPublishedEvent(SESSION, candidate, score, false, p);
              });
        }
      }
    }
    return out;
  }

  private static Provenance by(String actor, boolean signed) {
    return new Provenance(actor, actor, T0.plusSeconds(60), signed ? "{\"signed\":1}" : null);
  }

  private static void feed(ResultSheetProjection p, Stored s) {
    Object e = s.event();
    if (e instanceof SessionScheduledEvent x) {
      p.on(x);
    } else if (e instanceof CandidateRegisteredEvent x) {
      p.on(x);
    } else if (e instanceof ScoreRecordedEvent x) {
      p.on(x, s.id());
    } else if (e instanceof IndependentMarkRecordedEvent x) {
      p.on(x, s.id());
    } else if (e instanceof ScoreCorrectedEvent x) {
      p.on(x, s.id());
    } else if (e instanceof ScoreCountersignedEvent x) {
      p.on(x);
    } else if (e instanceof ScoreAdjudicatedEvent x) {
      p.on(x);
    } else if (e instanceof ResultSheetSubmittedEvent x) {
      p.on(x);
    } else if (e instanceof ResultSheetLockedEvent x) {
      p.on(x);
    } else if (e instanceof ResultSheetReopenedEvent x) {
      p.on(x);
    } else if (e instanceof ResultSheetPublishedEvent x) {
      p.on(x);
    } else {
      throw new IllegalArgumentException(e.toString());
    }
  }

  private static int databases;

  private static ResultSheetProjection projection() {
    JdbcDataSource dataSource = new JdbcDataSource();
    dataSource.setURL("jdbc:h2:mem:fold" + ++databases + ";DB_CLOSE_DELAY=-1");
    dataSource.setUser("sa");
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/projections/common")
        .load()
        .migrate();
    return new ResultSheetProjection(new JdbcTemplate(dataSource));
  }
}
