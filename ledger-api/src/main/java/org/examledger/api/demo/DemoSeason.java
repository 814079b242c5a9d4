package org.examledger.api.demo;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.examledger.exam.ExamType;
import org.examledger.exam.Provenance;
import org.examledger.exam.RecordScoreCommand;
import org.examledger.exam.RegisterCandidateCommand;
import org.examledger.exam.ScheduleSessionCommand;
import org.examledger.exam.ScoreComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Loads one demo session with three candidates and their scores, once: on a second start the
 * session exists and nothing is sent again. Enabled by {@code ledger.demo.enabled=true}.
 */
@Component
@ConditionalOnProperty(name = "ledger.demo.enabled", havingValue = "true")
class DemoSeason implements ApplicationRunner {

  static final String SESSION_ID = "S-DEMO-2026-CNC-4";
  private static final Logger log = LoggerFactory.getLogger(DemoSeason.class);

  private final CommandGateway commands;
  private final EventStore eventStore;
  private final Clock clock;

  DemoSeason(CommandGateway commands, EventStore eventStore, Clock clock) {
    this.commands = commands;
    this.eventStore = eventStore;
    this.clock = clock;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (alreadyLoaded()) {
      log.info("demo session {} already in the ledger; nothing loaded", SESSION_ID);
      return;
    }
    Instant start = Instant.parse("2026-06-13T01:00:00Z");
    commands.sendAndWait(
        new ScheduleSessionCommand(
            SESSION_ID,
            "CNC lathe operator",
            4,
            ExamType.REGULAR,
            new BigDecimal("60"),
            List.of(
                new ScoreComponent("theory", "Theory paper", new BigDecimal("40")),
                new ScoreComponent("practical", "Turning a stepped shaft", new BigDecimal("60"))),
            start,
            start.plusSeconds(4 * 3600),
            provenance("admin-01")));
    String[][] scores = {
      {"C-2026-0001", "35", "48.5"},
      {"C-2026-0002", "22", "37"},
      {"C-2026-0003", "30", null},
    };
    for (String[] row : scores) {
      commands.sendAndWait(
          new RegisterCandidateCommand(SESSION_ID, row[0], provenance("admin-01")));
      commands.sendAndWait(
          new RecordScoreCommand(
              SESSION_ID, row[0], "theory", new BigDecimal(row[1]), provenance("examiner-07")));
      if (row[2] != null) {
        commands.sendAndWait(
            new RecordScoreCommand(
                SESSION_ID,
                row[0],
                "practical",
                new BigDecimal(row[2]),
                provenance("examiner-11")));
      }
    }
    log.info(
        "demo loaded: session {} with {} candidates; try GET"
            + " /api/v1/sessions/{}/candidates/C-2026-0001/result-sheet",
        SESSION_ID,
        scores.length,
        SESSION_ID);
  }

  private boolean alreadyLoaded() {
    return eventStore.lastSequenceNumberFor(SESSION_ID).isPresent();
  }

  private Provenance provenance(String actor) {
    return new Provenance(actor, "demo-loader", clock.instant(), null);
  }
}
