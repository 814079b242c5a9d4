package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.examledger.api.demo.DemoSeason;
import org.examledger.api.demo.PlantedProblem;
import org.examledger.bytes.Bytes;
import org.examledger.crypto.Digests;
import org.examledger.crypto.Signers;
import org.examledger.exam.DocumentRef;
import org.examledger.exam.DocumentType;
import org.examledger.statements.StatementSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code ./ledger demo}: the season is loaded through admission, every entry signed except the
 * planted unsigned marks, once. A smaller season (192 candidates, 6 per session) keeps it quick;
 * the planted problems are the same kinds at any size.
 */
class DemoIT {

  static final int CANDIDATES = 192;

  @Test
  @ExtendWith(OutputCaptureExtension.class)
  void demoSeasonIsLoadedAsSignedStatementsOnce(@TempDir Path dataDir, CapturedOutput output)
      throws Exception {
    Map<String, String> settings =
        Map.of(
            "ledger.data-dir", dataDir.toString(),
            "ledger.demo.enabled", "true",
            "ledger.demo.candidates", Integer.toString(CANDIDATES));
    String sheet = "/api/v1/sessions/S-DEMO-2026-CNC-4/candidates/C-2026-0001/result-sheet";
    List<PlantedProblem> planted = DemoSeason.planted(CANDIDATES);
    try (LedgerNode node = LedgerNode.start(settings)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(() -> assertThat(node.get(sheet).status()).isEqualTo(200));
      JsonNode components = node.get(sheet).json().get("components");
      assertThat(components.findValuesAsText("signed")).containsOnly("true");

      // every planted unsigned mark is on its sheet as unsigned (the cured one countersigned)
      for (PlantedProblem p : planted) {
        if (!p.rule().equals("unsigned change")) {
          continue;
        }
        String path =
            "/api/v1/sessions/"
                + p.sessionId()
                + "/candidates/"
                + p.candidateId()
                + "/result-sheet";
        await()
            .atMost(Duration.ofSeconds(60))
            .untilAsserted(() -> assertThat(node.get(path).status()).isEqualTo(200));
        JsonNode practical = null;
        for (JsonNode c : node.get(path).json().get("components")) {
          if (c.get("componentId").asText().equals("practical")) {
            practical = c;
          }
        }
        assertThat(practical).isNotNull();
        assertThat(practical.get("recordedBy").asText()).isEqualTo(p.actorId());
        assertThat(practical.get("submittedBy").asText()).isEqualTo("clerk-02");
        assertThat(practical.get("signed").asBoolean()).isEqualTo(p.cured());
      }

      // the complaint: examiner-11 suspended, then reinstated; one complaint still open
      await()
          .atMost(Duration.ofSeconds(60))
          .untilAsserted(
              () -> {
                JsonNode history = node.get("/api/v1/people/examiner-11/complaints").json();
                assertThat(history.get("standing").asText()).isEqualTo("ACTIVE");
                assertThat(history.toString()).contains("CPL-DEMO-0001");
                assertThat(node.get("/api/v1/complaints").json().findValuesAsText("complaintId"))
                    .containsExactly("CPL-DEMO-0002");
              });
      JsonNode sanction =
          node.get("/api/v1/complaints/CPL-DEMO-0001").json().at("/complaint/sanction");
      assertThat(sanction.get("status").asText()).isEqualTo("REINSTATED");
      assertThat(sanction.get("suspendedFrom").asText()).isEqualTo("2026-03-27T02:00:01Z");
      assertThat(sanction.get("suspendedUntil").asText()).isEqualTo("2026-09-27T02:00:01Z");
      assertThat(sanction.get("upperLevelApprovedBy").asText()).isEqualTo("supervisor-01");

      // every planted problem is flagged by its rule (cured ones as CURED), and clean sessions
      // raise no rule-based flag; bunching is measured separately (GET /api/v1/bunching)
      JsonNode flags = node.get("/api/v1/flags").json().get("flags");
      java.util.Set<String> plantedSessions = new java.util.HashSet<>();
      for (PlantedProblem p : planted) {
        if (p.sessionId() != null) {
          plantedSessions.add(p.sessionId());
        }
        if (p.rule().equals("statistical bunching")) {
          continue;
        }
        String rule = p.rule().replace(' ', '-');
        List<JsonNode> matching = new java.util.ArrayList<>();
        for (JsonNode f : flags) {
          JsonNode subject = f.at("/flag/subject");
          String explanation = f.at("/flag/explanation").asText();
          // a flag about two sessions (a document seen in both) is subject to the first and
          // names the second in its explanation
          boolean named =
              p.sessionId() != null
                  && p.candidateId() != null
                  && explanation.contains(
                      "candidate " + p.candidateId() + " in session " + p.sessionId());
          boolean subjectMatches =
              (p.sessionId() == null || p.sessionId().equals(subject.path("sessionId").asText()))
                  && (p.candidateId() == null
                      || subject.path("candidateId").isMissingNode()
                      || subject.path("candidateId").isNull()
                      || p.candidateId().equals(subject.path("candidateId").asText()));
          if (f.at("/flag/ruleId").asText().equals(rule) && (subjectMatches || named)) {
            matching.add(f);
          }
        }
        assertThat(matching).as("planted, not flagged: " + p).isNotEmpty();
        if (p.cured()) {
          assertThat(matching)
              .as("cured: " + p)
              .anySatisfy(f -> assertThat(f.at("/flag/status").asText()).isEqualTo("CURED"));
        }
      }
      for (JsonNode f : flags) {
        String session = f.at("/flag/subject/sessionId").asText(null);
        String explanation = f.at("/flag/explanation").asText();
        assertThat(
                session == null
                    || plantedSessions.contains(session)
                    || plantedSessions.stream().anyMatch(s -> explanation.contains("session " + s)))
            .as("a clean session raised a flag: " + f)
            .isTrue();
      }

      // once the log has sealed every event, the service verifies the season as ./ledger verify
      // would
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofSeconds(1))
          .until(() -> output.getOut().contains("demo verification (as ./ledger verify): OK"));
      assertThat(output.getOut()).doesNotContain("demo verification FAILED");

      // no raw identity document number anywhere in the database (issue 9): every column of every
      // table, read back; the positive control shows the scan reads the events themselves
      List<String> numbers = DemoSeason.documentNumbers(CANDIDATES);
      assertThat(numbers).hasSize(3 * CANDIDATES).doesNotHaveDuplicates();
      assertThat(numbers.get(0)).matches("[0-9]{17}[0-9X]");
      String firstCard = numbers.get(0);
      String storedHash =
          DocumentRef.keyed(
                  DocumentType.ID_CARD, firstCard, Bytes.utf8("examledger demo station secret"))
              .keyedHash();
      List<String> needles = new java.util.ArrayList<>(numbers);
      needles.add(storedHash);
      DatabaseScan.Result scan =
          new DatabaseScan(needles).scan(node.context().getBean(DataSource.class));
      assertThat(scan.tables())
          .extracting(t -> t.toLowerCase(java.util.Locale.ROOT))
          .contains("public.domain_event_entry", "public.admitted_statement");
      assertThat(scan.hits())
          .as("the keyed hash is stored (the scan reads the events)")
          .anySatisfy(
              h -> assertThat(h.needle()).isEqualTo(storedHash.toUpperCase(java.util.Locale.ROOT)));
      assertThat(scan.hits())
          .as("raw document numbers stored in the database")
          .allSatisfy(
              h -> assertThat(h.needle()).isEqualTo(storedHash.toUpperCase(java.util.Locale.ROOT)));
      assertThat(new DatabaseScan(numbers).findIn(output.getAll()))
          .as("raw document numbers in the log")
          .isEmpty();

      // after the load the service is on the real clock and random identifiers again: a statement
      // signed now passes admission's skew check and gets a random (version 4) event id
      StatementSigner admin =
          new StatementSigner(
              "admin-01",
              Signers.ed25519FromSeed(
                  Digests.sha256(Bytes.utf8("examledger demo key admin-01")).value()));
      Instant now = Instant.now();
      String body =
          admin
              .sign(
                  "complaint.file/v1",
                  "CPL-USER-0001",
                  JsonNodeFactory.instance
                      .objectNode()
                      .put("respondentId", "examiner-05")
                      .put("respondentRole", "EXAMINER")
                      .put("channel", "THROUGH_STATION")
                      .put("summary", "filed after the demo load"),
                  now,
                  "after-the-demo")
              .toJson();
      assertThat(node.post("/api/v1/statements", body).status()).isEqualTo(201);
      String eventId =
          node.context()
              .getBean(JdbcTemplate.class)
              .queryForObject(
                  "select event_identifier from domain_event_entry"
                      + " where aggregate_identifier = 'CPL-USER-0001'",
                  String.class);
      assertThat(UUID.fromString(eventId).version()).isEqualTo(4);
    }
    // a second start finds the session and sends nothing again (no replay refusal, no failure)
    try (LedgerNode node = LedgerNode.start(settings)) {
      assertThat(node.get(sheet).status()).isEqualTo(200);
    }
    assertThat(new DatabaseScan(DemoSeason.documentNumbers(CANDIDATES)).findIn(output.getAll()))
        .isEmpty();
  }

  @Test
  void theSeasonPlantsEveryKindOfProblemTheBriefNames() {
    List<PlantedProblem> planted = DemoSeason.PLANTED;
    assertThat(planted)
        .extracting(PlantedProblem::rule)
        .contains(
            "unsigned change",
            "pass-mark crossing",
            "statistical bunching",
            "identity gap",
            "proctoring gap",
            "separation of duties",
            "actor not eligible");
    assertThat(planted)
        .filteredOn(p -> p.rule().equals("statistical bunching"))
        .extracting(PlantedProblem::actorId)
        .containsOnly("examiner-23", "examiner-41");
    assertThat(planted)
        .filteredOn(p -> p.rule().equals("pass-mark crossing"))
        .extracting(PlantedProblem::actorId)
        .containsOnly("examiner-23", "examiner-41");
    // the same season twice: the same list
    assertThat(DemoSeason.planted(1305)).isEqualTo(planted);
  }
}
