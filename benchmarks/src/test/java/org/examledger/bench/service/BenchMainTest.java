package org.examledger.bench.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchMainTest {

  @Test
  void unknownSuiteIsAUsageErrorAndWritesNothing(@TempDir Path dir) {
    Path out = dir.resolve("r.json");
    assertThat(BenchMain.run(new String[] {"nope", "--out", out.toString()})).isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void missingOutIsAUsageError() {
    assertThat(BenchMain.run(new String[] {"load", "--clients", "2"})).isEqualTo(2);
  }

  @Test
  void badOptionValueIsAUsageErrorBeforeAnythingStarts(@TempDir Path dir) {
    Path out = dir.resolve("r.json");
    assertThat(BenchMain.run(new String[] {"load", "--out", out.toString(), "--clients", "many"}))
        .isEqualTo(2);
    assertThat(out).doesNotExist();
  }

  @Test
  void optionsRecordWhatWasReadAndRefuseWhatWasNot() {
    Options options = new Options(List.of("--clients", "4", "--duraton", "5s"));
    assertThat(options.integer("clients", 32)).isEqualTo(4);
    assertThat(options.duration("duration", "60s")).isEqualTo(Duration.ofSeconds(60));
    assertThat(options.toJson().toString()).isEqualTo("{\"clients\":\"4\",\"duration\":\"60s\"}");
    assertThatThrownBy(options::checkAllUsed).hasMessage("unknown option --duraton for this suite");
  }

  @Test
  void durationsNeedAUnit() {
    Options options = new Options(List.of("--warmup", "15"));
    assertThatThrownBy(() -> options.duration("warmup", "15s"))
        .hasMessage("--warmup must be a duration such as 60s, 2m or 500ms, was '15'");
  }

  @Test
  void machineDescriptionNamesCoresMemoryOsJavaAndCpu() {
    var machine = Machine.describe();
    assertThat(machine.get("cores").asInt()).isEqualTo(Runtime.getRuntime().availableProcessors());
    assertThat(machine.get("java").asText()).contains(System.getProperty("java.version"));
    assertThat(machine.get("cpuModel").asText()).isNotBlank();
    assertThat(machine.has("memoryBytes")).isTrue();
    assertThat(machine.get("os").asText()).startsWith(System.getProperty("os.name"));
  }
}
