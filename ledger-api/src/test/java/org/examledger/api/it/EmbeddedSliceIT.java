package org.examledger.api.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The slice on the embedded default: an H2 file database under a data folder, no settings. */
class EmbeddedSliceIT extends AbstractSliceIT {

  private Path dataDir;
  private LedgerNode node;

  @BeforeAll
  void start(@TempDir Path dir) {
    dataDir = dir;
    node = LedgerNode.start(Map.of("ledger.data-dir", dataDir.toString()));
    TestActors.bootstrap(node);
  }

  @AfterAll
  void stop() {
    if (node != null) {
      node.close();
    }
  }

  @Override
  LedgerNode node() {
    return node;
  }

  @Test
  void embeddedDatabaseLivesUnderTheDataFolder() {
    assertThat(Files.exists(dataDir.resolve("ledger.mv.db"))).isTrue();
  }
}
