package org.examledger.api.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** The sealed log on the embedded default (H2 under a data folder). */
class EmbeddedLogIT extends AbstractLogIT {

  private LedgerNode node;

  @BeforeAll
  void start(@TempDir Path dir) {
    Map<String, String> settings = logSettings();
    settings.put("ledger.data-dir", dir.toString());
    node = LedgerNode.start(settings);
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
}
